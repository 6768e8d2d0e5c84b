// JSON web API template (axios), `login`: posts the credentials to the legacy API, which answers 200 + the user,
// or 401 when they are wrong.
// Configuration: API_BASE_URL (e.g. https://legacy.example.com/api), API_KEY (optional, sent as a bearer token).
// The host must be allowed by the sandbox policy (allowedHosts); see README.md.
async function login(email, password, callback) {
    const axios = require('axios');

    if (!configuration.API_BASE_URL) return callback(new Error('configuration is missing API_BASE_URL'));
    const headers = configuration.API_KEY ? {Authorization: 'Bearer ' + configuration.API_KEY} : {};

    let response;
    try {
        response = await axios.post(configuration.API_BASE_URL + '/users/authenticate',
            {email: email, password: password}, {headers: headers, timeout: 10000});
    } catch (err) {
        if (err.response && (err.response.status === 401 || err.response.status === 403)) {
            return callback(new WrongUsernameOrPasswordError(email));
        }
        return callback(new Error('the user API failed: ' + err.message));
    }

    const user = response.data;
    callback(null, {
        user_id: String(user.id),
        email: user.email,
        email_verified: Boolean(user.email_verified),
        name: user.name
    });
}
