// MongoDB template, `change_password`: stores a bcrypt hash of the new password; `false` when there is no such user.
// Configuration: MONGO_URL (mongodb://user:password@host:27017/database), MONGO_DATABASE (optional),
// BCRYPT_ROUNDS (optional, 10).
// Collection: users {_id, email, password, nickname, email_verified}; see README.md.
function changePassword(email, newPassword, callback) {
    const MongoClient = require('mongodb@3.1.4').MongoClient;
    const bcrypt = require('bcrypt');
    if (!configuration.MONGO_URL) return callback(new Error('configuration is missing MONGO_URL'));

    // One client per connection, kept in `global` so later executions reuse its connections instead of opening
    // (and leaking) one each time. `global` is a cache that may vanish: then the client is simply made again.
    const connecting = global.mongoClient || (global.mongoClient = MongoClient.connect(configuration.MONGO_URL));
    connecting.then(function (client) {
        // MONGO_DATABASE, when set, names the database; otherwise the one in MONGO_URL's path.
        const users = client.db(configuration.MONGO_DATABASE).collection('users');

        bcrypt.hash(newPassword, Number(configuration.BCRYPT_ROUNDS || 10), function (err, hash) {
            if (err) return callback(err);
            users.updateOne({ email: email }, { $set: { password: hash } }, function (err, result) {
                if (err) return callback(err);
                callback(null, result.matchedCount > 0);
            });
        });
    }, function (err) {
        global.mongoClient = null; // a failed connection is not cached: the next execution tries again
        callback(err);
    });
}
