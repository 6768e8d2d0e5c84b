// Web service template (HTTP Basic auth), `get_user`: looks a user up by email with the service's own
// credentials. The service answers 200 + the profile, or 404 when there is no such user.
// Configuration: USERS_URL (e.g. https://legacy.example.com/users), SERVICE_USER, SERVICE_PASSWORD.
function getByEmail(email, callback) {
    const request = require('request');

    const missing = ['USERS_URL', 'SERVICE_USER', 'SERVICE_PASSWORD'].filter((key) => !configuration[key]);
    if (missing.length > 0) return callback(new Error('configuration is missing ' + missing.join(', ')));

    request.get({
        url: configuration.USERS_URL,
        qs: {email: email},
        auth: {username: configuration.SERVICE_USER, password: configuration.SERVICE_PASSWORD},
        json: true,
        timeout: 10000
    }, function (err, response, body) {
        if (err) return callback(err);
        if (response.statusCode === 404) return callback(null);
        if (response.statusCode !== 200 || !body || body.user_id === undefined) {
            return callback(new Error('the user service answered ' + response.statusCode));
        }

        callback(null, {
            user_id: body.user_id.toString(),
            nickname: body.nickname,
            email: body.email
        });
    });
}
