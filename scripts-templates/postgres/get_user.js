// PostgreSQL template, `get_user`: the profile of the user with this email, or no user (`callback(null)`).
// Configuration: PG_HOST, PG_PORT (optional, 5432), PG_USER, PG_PASSWORD, PG_DATABASE — or PG_URL instead
// (postgres://user:password@host:port/database).
// Table: users(id, nickname, email, password, email_verified); see README.md.
function getByEmail(email, callback) {
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

    const query = 'SELECT id, nickname, email, email_verified FROM users WHERE email = $1';
    pool.query(query, [email], function (err, result) {
        if (err) return callback(err);
        if (result.rows.length === 0) return callback(null);
        const user = result.rows[0];

        callback(null, {
            user_id: user.id.toString(),
            nickname: user.nickname,
            email: user.email,
            email_verified: user.email_verified
        });
    });
}
