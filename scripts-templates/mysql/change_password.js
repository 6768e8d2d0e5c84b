// MySQL template, `change_password`: stores a bcrypt hash of the new password; `false` when there is no such user.
// Configuration: MYSQL_HOST, MYSQL_PORT (optional, 3306), MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE,
// BCRYPT_ROUNDS (optional, 10). Table: users(id, nickname, email, password, email_verified); see README.md.
function changePassword(email, newPassword, callback) {
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

    bcrypt.hash(newPassword, Number(configuration.BCRYPT_ROUNDS || 10), function (err, hash) {
        if (err) return callback(err);

        // An UPDATE answers an OkPacket, not rows: `affectedRows` (rows matched) says whether the user exists.
        pool.query('UPDATE users SET password = ? WHERE email = ?', [hash, email], function (err, result) {
            if (err) return callback(err);
            callback(null, result.affectedRows > 0);
        });
    });
}
