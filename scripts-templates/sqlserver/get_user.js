// SQL Server / Azure SQL template, `get_user`: the profile of the user with this email, without a password check.
// Configuration and table: as login.js; see README.md.
function getByEmail(email, callback) {
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
            // The published template reads rows[0] without this option, where tedious collects no rows.
            rowCollectionOnRequestCompletion: true
        }
    });

    function done(err, profile) {
        connection.close();
        callback(err, profile);
    }

    const query = 'SELECT Id, Nickname, Email, Email_Verified FROM dbo.Users WHERE Email = @Email';

    connection.on('connect', function (err) {
        if (err) return callback(err);

        const request = new Request(query, function (err, rowCount, rows) {
            if (err) return done(err);
            if (rowCount < 1) return done(null);
            const row = rows[0];

            done(null, {
                user_id: String(row[0].value),
                nickname: row[1].value,
                email: row[2].value,
                email_verified: Boolean(row[3].value)
            });
        });

        request.addParameter('Email', TYPES.NVarChar, email);
        connection.execSql(request);
    });
}
