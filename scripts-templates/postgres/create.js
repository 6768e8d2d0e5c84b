// PostgreSQL template, `create`: inserts the user with a bcrypt hash of the password; a taken email is `user_exists`.
// Configuration: PG_HOST, PG_PORT (optional, 5432), PG_USER, PG_PASSWORD, PG_DATABASE — or PG_URL instead
// (postgres://user:password@host:port/database).
// BCRYPT_ROUNDS (optional, 10). Table: users(id, nickname, email, password, email_verified); see README.md.
function create(user, callback) {
    const { Pool } = require('pg');
    const bcrypt = require('bcrypt');

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

    bcrypt.hash(user.password, Number(configuration.BCRYPT_ROUNDS || 10), function (err, hash) {
        if (err) return callback(err);

        const nickname = user.nickname || user.username || user.email.split('@')[0];
        const query = 'INSERT INTO users (email, nickname, password, email_verified) VALUES ($1, $2, $3, false)';
        pool.query(query, [user.email, nickname, hash], function (err) {
            // 23505 (unique_violation) on the unique key of `email` is what makes a second signup a duplicate.
            if (err && err.code === '23505') {
                return callback(new ValidationError('user_exists', 'the user already exists'));
            }
            if (err) return callback(err);
            callback(null);
        });
    });
}
