// Web service template (HTTP Basic auth), `login`: asks the legacy service for the user's profile with the
// credentials just typed; the service answers 200 + the profile, or 401 when they are wrong.
// Configuration: PROFILE_URL (e.g. https://legacy.example.com/profile). The host must be allowed by the sandbox
// policy (allowedHosts); see README.md.
function login(email, password, callback) {
    const request = require('request');

    if (!configuration.PROFILE_URL) return callback(new Error('configuration is missing PROFILE_URL'));

    request.get({
        url: configuration.PROFILE_URL,
        auth: {username: email, password: password},
        json: true,
        timeout: 10000
    }, function (err, response, body) {
        if (err) return callback(err);
        if (response.statusCode === 401) return callback(new WrongUsernameOrPasswordError(email));
        if (response.statusCode !== 200 || !body || body.user_id === undefined) {
            return callback(new Error('the profile service answered ' + response.statusCode));
        }

        callback(null, {
            user_id: body.user_id.toString(),
            nickname: body.nickname,
            email: body.email
        });
    });
}
