// SQL Server / Azure SQL template, `login`: finds the user by email and checks the password against the stored
// bcrypt hash. Configuration: SQLSERVER_HOST, SQLSERVER_PORT (optional, 1433), SQLSERVER_USER, SQLSERVER_PASSWORD,
// SQLSERVER_DATABASE, SQLSERVER_ENCRYPT (optional, 'true'; 'false' for a server without TLS).
// Table: dbo.Users(Id, Nickname, Email, Password, Email_Verified); see README.md.
function login(email, password, callback) {
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
            encrypt: configuration.SQLSERVER_ENCRYPT !== 'false',
            rowCollectionOnRequestCompletion: true
        }
    });

    // Every outcome closes the connection (the published templates leave it open).
    function done(err, profile) {
        connection.close();
        callback(err, profile);
    }

    const query = 'SELECT Id, Nickname, Email, Password, Email_Verified FROM dbo.Users WHERE Email = @Email';

    connection.on('connect', function (err) {
        if (err) return callback(err);

        const request = new Request(query, function (err, rowCount, rows) {
            if (err) return done(err);
            if (rowCount < 1) return done(new WrongUsernameOrPasswordError(email));
            const row = rows[0];

            // A row without a hash cannot log in with a password; bcrypt answers false (and logs a warning).
            bcrypt.compare(password, row[3].value || '', function (err, isValid) {
                if (err) return done(err);
                if (!isValid) return done(new WrongUsernameOrPasswordError(email));

                done(null, {
                    user_id: String(row[0].value),
                    nickname: row[1].value,
                    email: row[2].value,
                    email_verified: Boolean(row[4].value)
                });
            });
        });

        request.addParameter('Email', TYPES.NVarChar, email);
        connection.execSql(request);
    });
}
