// MySQL template, `create`: inserts the user with a bcrypt hash of the password; a taken email is `user_exists`.
// Configuration: MYSQL_HOST, MYSQL_PORT (optional, 3306), MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE,
// BCRYPT_ROUNDS (optional, 10). Table: users(id, nickname, email, password, email_verified); see README.md.
function create(user, callback) {
    const mysql = require('mysql');
    const bcrypt = require('bcrypt');

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

    bcrypt.hash(user.password, Number(configuration.BCRYPT_ROUNDS || 10), function (err, hash) {
        if (err) return callback(err);

        const insert = {
            email: user.email,
            nickname: user.nickname || user.username || user.email.split('@')[0],
            password: hash,
            email_verified: false
        };
        pool.query('INSERT INTO users SET ?', insert, function (err) {
            // The unique key on `email` is what makes a second signup with the same email a duplicate.
            if (err && err.code === 'ER_DUP_ENTRY') {
                return callback(new ValidationError('user_exists', 'the user already exists'));
            }
            if (err) return callback(err);
            callback(null);
        });
    });
}
