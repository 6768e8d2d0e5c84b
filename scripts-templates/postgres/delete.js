// PostgreSQL template, `delete`: removes the user with this id (the `user_id` login returned, without `auth0|`).
// Deleting a user that is already gone succeeds: the outcome the caller wants holds either way.
// Configuration: PG_HOST, PG_PORT (optional, 5432), PG_USER, PG_PASSWORD, PG_DATABASE — or PG_URL instead
// (postgres://user:password@host:port/database).
// Table: users(id, nickname, email, password, email_verified); see README.md.
function remove(id, callback) {
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

    pool.query('DELETE FROM users WHERE id = $1', [id], function (err) {
        if (err) return callback(err);
        callback(null);
    });
}
