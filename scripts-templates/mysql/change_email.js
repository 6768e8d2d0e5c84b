// MySQL template, `change_email`: moves the user to the new email with the given verified flag; `false` when
// there is no user with the old email. A new email another user has fails with ER_DUP_ENTRY.
// Configuration: MYSQL_HOST, MYSQL_PORT (optional, 3306), MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE.
// Table: users(id, nickname, email, password, email_verified); see README.md.
function changeEmail(email, newEmail, verified, callback) {
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

    // An UPDATE answers an OkPacket, not rows: `affectedRows` (rows matched) says whether the user exists.
    const query = 'UPDATE users SET email = ?, email_verified = ? WHERE email = ?';
    pool.query(query, [newEmail, Boolean(verified), email], function (err, result) {
        if (err) return callback(err);
        callback(null, result.affectedRows > 0);
    });
}
