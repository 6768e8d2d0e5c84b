package dev.sluice.migration;

/** Login scripts in the style of the published MySQL template ({@code mysql} + {@code bcrypt}). */
final class LegacyScripts {

    /** Looks the user up by email, compares with bcrypt; {@code blocked@example.com} is refused as unauthorized. */
    static final String MYSQL_LOGIN = """
            function login(email, password, callback) {
              const mysql = require('mysql');
              const bcrypt = require('bcrypt');
              if (email === 'blocked@example.com') {
                return callback(new UnauthorizedError('Your account is blocked, call the help desk.'));
              }
              const connection = mysql.createConnection({
                host: configuration.DB_HOST, port: Number(configuration.DB_PORT), user: configuration.DB_USER,
                password: configuration.DB_PASSWORD, database: configuration.DB_NAME
              });
              connection.connect();
              const query = 'SELECT id, nickname, email, password FROM ' + configuration.DB_TABLE + ' WHERE email = ?';
              connection.query(query, [email], function (err, results) {
                connection.end();
                if (err) return callback(err);
                if (results.length === 0) return callback(new WrongUsernameOrPasswordError(email));
                const user = results[0];
                bcrypt.compare(password, user.password, function (err, isValid) {
                  if (err || !isValid) return callback(err || new WrongUsernameOrPasswordError(email));
                  callback(null, {user_id: user.id.toString(), nickname: user.nickname, email: user.email,
                                  metadata: {plan: 'gold'}});
                });
              });
            }
            """;

    private LegacyScripts() {
    }
}
