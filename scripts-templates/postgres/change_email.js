// PostgreSQL template, `change_email`: moves the user to the new email with the given verified flag; `false` when
// there is no user with the old email. A new email another user has fails with the database error 23505.
// Configuration: PG_HOST, PG_PORT (optional, 5432), PG_USER, PG_PASSWORD, PG_DATABASE — or PG_URL instead
// (postgres://user:password@host:port/database).
// Table: users(id, nickname, email, password, email_verified); see README.md.
function changeEmail(email, newEmail, verified, callback) {
    const { Pool } = require('pg');

    const missing = configuration.PG_URL ? [] : ['PG_HOST', 'PG_USER', 'PG_PASSWORD', 'PG_DATABASE']
        .filter((key) => configuration[key] === undefined);
    if (missing.length > 0) {
        return callback(new Error('configuration is missing ' + missing.join(', ') + ' (or PG_URL)'));
    }

    // One pool per connection, kept in `global` so later executions reuse its connections instead of opening
    // (and leaking) one each time. `global` is a cache that may vanish: then the pool is simply made again.
    const pool = global.pgPool || (global.pgPool = new Pool(configuration.PG_URL
        ? { connectionString: configuration.PG_URL, max: 5 }
        : {
            host: configuration.PG_HOST,
            port: Number(configuration.PG_PORT || 5432),
            user: configuration.PG_USER,
            password: configuration.PG_PASSWORD,
            database: configuration.PG_DATABASE,
            max: 5
        }));

    // An UPDATE answers no rows: `rowCount` (rows matched) says whether the user exists.
    const query = 'UPDATE users SET email = $1, email_verified = $2 WHERE email = $3';
    pool.query(query, [newEmail, Boolean(verified), email], function (err, result) {
        if (err) return callback(err);
        callback(null, result.rowCount > 0);
    });
}
