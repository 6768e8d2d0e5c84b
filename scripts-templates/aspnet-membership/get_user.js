// ASP.NET Membership (Universal Providers) template, `get_user`: the member with this email or user name.
// Configuration and tables: as login.js; see README.md.
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
            // The published template reads fields.UserId without this option, where tedious passes an array.
            useColumnNames: true
        }
    });

    function done(err, profile) {
        connection.close();
        callback(err, profile);
    }

    const query =
        'SELECT Memberships.UserId, Memberships.Email, Users.UserName ' +
        'FROM Memberships INNER JOIN Users ON Users.UserId = Memberships.UserId ' +
        'WHERE Memberships.Email = @Username OR Users.UserName = @Username';

    connection.on('connect', function (err) {
        if (err) return callback(err);

        let user = null;
        const request = new Request(query, function (err, rowCount) {
            if (err) return done(err);
            if (rowCount < 1) return done(null);
            done(null, user);
        });

        request.addParameter('Username', TYPES.NVarChar, email);
        request.on('row', function (fields) {
            user = {
                user_id: String(fields.UserId.value),
                nickname: fields.UserName.value,
                email: fields.Email.value
            };
        });
        connection.execSql(request);
    });
}
