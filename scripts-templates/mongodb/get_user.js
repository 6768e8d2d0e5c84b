// MongoDB template, `get_user`: the profile of the user with this email, or no user (`callback(null)`).
// Configuration: MONGO_URL (mongodb://user:password@host:27017/database), MONGO_DATABASE (optional).
// Collection: users {_id, email, password, nickname, email_verified}; see README.md.
function getByEmail(email, callback) {
    const MongoClient = require('mongodb@3.1.4').MongoClient;
    if (!configuration.MONGO_URL) return callback(new Error('configuration is missing MONGO_URL'));

    // One client per connection, kept in `global` so later executions reuse its connections instead of opening
    // (and leaking) one each time. `global` is a cache that may vanish: then the client is simply made again.
    const connecting = global.mongoClient || (global.mongoClient = MongoClient.connect(configuration.MONGO_URL));
    connecting.then(function (client) {
        // MONGO_DATABASE, when set, names the database; otherwise the one in MONGO_URL's path.
        const users = client.db(configuration.MONGO_DATABASE).collection('users');

        users.findOne({ email: email }, { projection: { password: 0 } }, function (err, user) {
            if (err) return callback(err);
            if (!user) return callback(null);
            callback(null, {
                user_id: user._id.toString(),
                nickname: user.nickname,
                email: user.email,
                email_verified: Boolean(user.email_verified)
            });
        });
    }, function (err) {
        global.mongoClient = null; // a failed connection is not cached: the next execution tries again
        callback(err);
    });
}
