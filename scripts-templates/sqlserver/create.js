// SQL Server / Azure SQL template, `create`: inserts the user with a bcrypt hash of the password.
// Configuration: as login.js, plus BCRYPT_ROUNDS (optional, 10). Table: see README.md.
function create(user, callback) {
    const bcrypt = require('bcrypt');
    const sqlserver = require('tedious@1.11.0');

    const Connection = sqlserver.Connection;
    const Request = sqlserver.Request;
    const TYPES = sqlserver.TYPES;

    const missing = ['SQLSERVER_HOST', 'SQLSERVER_USER', 'SQLSERVER_PASSWORD', 'SQLSERVER_DATABASE']
        .filter((key) => configuration[key] === undefined);
    if (missing.length > 0) return callback(new Error('configuration is missing ' + missing.join(', ')));

    const connection = new Connection({
        userName: configuration.SQLSERVER_USER,
        password: configuration.SQLSERVER_PASSWORD,
        server: configuration.SQLSERVER_HOST,
        options: {
            database: configuration.SQLSERVER_DATABASE,
            port: Number(configuration.SQLSERVER_PORT || 1433),
            encrypt: configuration.SQLSERVER_ENCRYPT !== 'false'
        }
    });

    function done(err) {
        connection.close();
        callback(err);
    }

    const query = 'INSERT INTO dbo.Users (Nickname, Email, Password, Email_Verified) ' +
        'VALUES (@Nickname, @Email, @Password, 0)';

    connection.on('connect', function (err) {
        if (err) return callback(err);

        bcrypt.hash(user.password, Number(configuration.BCRYPT_ROUNDS || 10), function (err, hash) {
            if (err) return done(err);

            const request = new Request(query, function (err) {
                // 2627: UNIQUE constraint, 2601: unique index — the email is taken.
                if (err && (err.number === 2627 || err.number === 2601)) {
                    return done(new ValidationError('user_exists', 'the user already exists'));
                }
                done(err || null);
            });

            request.addParameter('Nickname', TYPES.NVarChar,
                user.nickname || user.username || String(user.email).split('@')[0]);
            request.addParameter('Email', TYPES.NVarChar, user.email);
            request.addParameter('Password', TYPES.VarChar, hash);
            connection.execSql(request);
        });
    });
}
