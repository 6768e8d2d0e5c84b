// MySQL template, `verify`: marks the user's email as verified; `false` when there is no such user.
// Configuration: MYSQL_HOST, MYSQL_PORT (optional, 3306), MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE.
// Table: users(id, nickname, email, password, email_verified); see README.md.
function verify(email, callback) {
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
    // Verifying an already verified user matches its row too, so it answers true again.
    const query = 'UPDATE users SET email_verified = true WHERE email = ?';
    pool.query(query, [email], function (err, result) {
        if (err) return callback(err);
        callback(null, result.affectedRows > 0);
    });
}
