// PostgreSQL template, `login`: finds the user by email and checks the password against the stored bcrypt hash.
// Configuration: PG_HOST, PG_PORT (optional, 5432), PG_USER, PG_PASSWORD, PG_DATABASE — or PG_URL instead
// (postgres://user:password@host:port/database).
// Table: users(id, nickname, email, password, email_verified); see README.md.
function login(email, password, callback) {
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

    const query = 'SELECT id, nickname, email, password, email_verified FROM users WHERE email = $1';
    pool.query(query, [email], function (err, result) {
        if (err) return callback(err);
        if (result.rows.length === 0) return callback(new WrongUsernameOrPasswordError(email));
        const user = result.rows[0];

        // A row without a hash cannot log in with a password; bcrypt answers false (and logs a warning).
        bcrypt.compare(password, user.password || '', function (err, isValid) {
            if (err) return callback(err);
            if (!isValid) return callback(new WrongUsernameOrPasswordError(email));

            callback(null, {
                user_id: user.id.toString(),
                nickname: user.nickname,
                email: user.email,
                email_verified: user.email_verified
            });
        });
    });
}
