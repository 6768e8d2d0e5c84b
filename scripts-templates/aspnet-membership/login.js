// ASP.NET Membership (Universal Providers) template, `login`: finds the member by email or user name and checks
// the password with the provider's default hash: HMAC-SHA256 keyed by the salt repeated to 64 bytes, over the
// UTF-16LE password, base64. Configuration: SQLSERVER_HOST, SQLSERVER_PORT (optional, 1433), SQLSERVER_USER,
// SQLSERVER_PASSWORD, SQLSERVER_DATABASE, SQLSERVER_ENCRYPT (optional, 'true'). Tables: see README.md.
function login(email, password, callback) {
    const crypto = require('crypto');
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

    function done(err, profile) {
        connection.close();
        callback(err, profile);
    }

    // HMACSHA256 with a 64-byte key: the provider fills the key by repeating the (usually 16-byte) salt.
    function hashPassword(plain, salt) {
        const key = Buffer.alloc(64);
        for (let i = 0; i < key.length; i++) key[i] = salt[i % salt.length];
        return crypto.createHmac('sha256', key).update(Buffer.from(plain, 'utf16le')).digest('base64');
    }

    function sameText(a, b) {
        const left = Buffer.from(String(a));
        const right = Buffer.from(String(b));
        return left.length === right.length && crypto.timingSafeEqual(left, right);
    }

    const query =
        'SELECT Memberships.UserId, Memberships.Email, Users.UserName, Memberships.Password, ' +
        'Memberships.PasswordSalt, Memberships.PasswordFormat, Memberships.IsApproved, Memberships.IsLockedOut ' +
        'FROM Memberships INNER JOIN Users ON Users.UserId = Memberships.UserId ' +
        'WHERE Memberships.Email = @Username OR Users.UserName = @Username';

    connection.on('connect', function (err) {
        if (err) return callback(err);

        const request = new Request(query, function (err, rowCount, rows) {
            if (err) return done(err);
            if (rowCount < 1) return done(new WrongUsernameOrPasswordError(email));
            const row = rows[0];
            const [userId, memberEmail, userName, hash, salt, format, approved, lockedOut] = row.map((c) => c.value);

            // PasswordFormat 1 is "Hashed"; clear-text (0) and encrypted (2) members are not migrated here.
            if (format !== 1 || !salt) return done(new Error('member ' + userId + ' does not use hashed passwords'));
            if (!approved || lockedOut) return done(new UnauthorizedError('This account is locked or not approved.'));
            if (!sameText(hashPassword(password, Buffer.from(salt, 'base64')), hash)) {
                return done(new WrongUsernameOrPasswordError(email));
            }

            done(null, {
                user_id: String(userId),
                nickname: userName,
                email: memberEmail
            });
        });

        request.addParameter('Username', TYPES.NVarChar, email);
        connection.execSql(request);
    });
}
