// JSON web API template (axios), `get_user`: looks a user up by email; the API answers 200 + the user, or 404.
// Configuration: API_BASE_URL, API_KEY (optional, sent as a bearer token).
async function getUser(email, callback) {
    const axios = require('axios');

    if (!configuration.API_BASE_URL) return callback(new Error('configuration is missing API_BASE_URL'));
    const headers = configuration.API_KEY ? {Authorization: 'Bearer ' + configuration.API_KEY} : {};

    let response;
    try {
        response = await axios.get(configuration.API_BASE_URL + '/users',
            {params: {email: email}, headers: headers, timeout: 10000});
    } catch (err) {
        if (err.response && err.response.status === 404) return callback(null);
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
