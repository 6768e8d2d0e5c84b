// MongoDB template, `create`: inserts the user with a bcrypt hash of the password; a taken email is `user_exists`.
// Configuration: MONGO_URL (mongodb://user:password@host:27017/database), MONGO_DATABASE (optional),
// BCRYPT_ROUNDS (optional, 10).
// Collection: users {_id, email, password, nickname, email_verified}; see README.md.
function create(user, callback) {
    const MongoClient = require('mongodb@3.1.4').MongoClient;
    const bcrypt = require('bcrypt');
    if (!configuration.MONGO_URL) return callback(new Error('configuration is missing MONGO_URL'));

    // One client per connection, kept in `global` so later executions reuse its connections instead of opening
    // (and leaking) one each time. `global` is a cache that may vanish: then the client is simply made again.
    const connecting = global.mongoClient || (global.mongoClient = MongoClient.connect(configuration.MONGO_URL));
    connecting.then(function (client) {
        // MONGO_DATABASE, when set, names the database; otherwise the one in MONGO_URL's path.
        const users = client.db(configuration.MONGO_DATABASE).collection('users');

        users.findOne({ email: user.email }, function (err, existing) {
            if (err) return callback(err);
            if (existing) return callback(new ValidationError('user_exists', 'the user already exists'));

            bcrypt.hash(user.password, Number(configuration.BCRYPT_ROUNDS || 10), function (err, hash) {
                if (err) return callback(err);
                const doc = {
                    email: user.email,
                    nickname: user.nickname || user.username || user.email.split('@')[0],
                    password: hash,
                    email_verified: false
                };
                users.insertOne(doc, function (err) {
                    // Two signups at once both pass the findOne: the unique index on email stops the second.
                    if (err && err.code === 11000) {
                        return callback(new ValidationError('user_exists', 'the user already exists'));
                    }
                    if (err) return callback(err);
                    callback(null);
                });
            });
        });
    }, function (err) {
        global.mongoClient = null; // a failed connection is not cached: the next execution tries again
        callback(err);
    });
}
