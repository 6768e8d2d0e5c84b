// MySQL template, `get_user`: the profile of the user with this email, or no user (`callback(null)`).
// Configuration: MYSQL_HOST, MYSQL_PORT (optional, 3306), MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE.
// Table: users(id, nickname, email, password, email_verified); see README.md.
function getByEmail(email, callback) {
    const mysql = require('mysql');

    const missing = ['MYSQL_HOST', 'MYSQL_USER', 'MYSQL_PASSWORD', 'MYSQL_DATABASE']
        .filter((key) => configuration[key] === undefined);
    if (missing.length > 0) return callback(new Error('configuration is missing ' + missing.join(', ')));

    // One pool per connection, kept in `global` so later executions reuse its connections instead of opening
    // (and leaking) one each time. `global` is a cache that may vanish: then the pool is simply made again.
    const pool = global.mysqlPool || (global.mysqlPool = mysql.createPool({
        host: configuration.MYSQL_HOST,
        port: Number(configuration.MYSQL_PORT || 3306),
        user: configuration.MYSQL_USER,
        password: configuration.MYSQL_PASSWORD,
        database: configuration.MYSQL_DATABASE,
        connectionLimit: 5
    }));

    const query = 'SELECT id, nickname, email, email_verified FROM users WHERE email = ?';
    pool.query(query, [email], function (err, results) {
        if (err) return callback(err);
        if (results.length === 0) return callback(null);
        const user = results[0];

        callback(null, {
            user_id: user.id.toString(),
            nickname: user.nickname,
            email: user.email,
            email_verified: Boolean(user.email_verified)
        });
    });
}
