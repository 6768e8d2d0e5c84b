// MongoDB template, `change_email`: moves the user to the new email with the given verified flag; `false` when there is no
// user with the old email. A new email another user has fails with the duplicate key error (code 11000).
// Configuration: MONGO_URL (mongodb://user:password@host:27017/database), MONGO_DATABASE (optional).
// Collection: users {_id, email, password, nickname, email_verified}; see README.md.
function changeEmail(email, newEmail, verified, callback) {
    const MongoClient = require('mongodb@3.1.4').MongoClient;
    if (!configuration.MONGO_URL) return callback(new Error('configuration is missing MONGO_URL'));

    // One client per connection, kept in `global` so later executions reuse its connections instead of opening
    // (and leaking) one each time. `global` is a cache that may vanish: then the client is simply made again.
    const connecting = global.mongoClient || (global.mongoClient = MongoClient.connect(configuration.MONGO_URL));
    connecting.then(function (client) {
        // MONGO_DATABASE, when set, names the database; otherwise the one in MONGO_URL's path.
        const users = client.db(configuration.MONGO_DATABASE).collection('users');

        const change = { $set: { email: newEmail, email_verified: Boolean(verified) } };
        users.updateOne({ email: email }, change, function (err, result) {
            if (err) return callback(err);
            callback(null, result.matchedCount > 0);
        });
    }, function (err) {
        global.mongoClient = null; // a failed connection is not cached: the next execution tries again
        callback(err);
    });
}
