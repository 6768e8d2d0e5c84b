// MongoDB template, `delete`: removes the user whose `_id` is the id `login` returned (without `auth0|`).
// Configuration: MONGO_URL (mongodb://user:password@host:27017/database), MONGO_DATABASE (optional).
// Collection: users {_id, email, password, nickname, email_verified}; see README.md.
function remove(id, callback) {
    const MongoClient = require('mongodb@3.1.4').MongoClient;
    const ObjectId = require('mongodb@3.1.4').ObjectId;
    if (!configuration.MONGO_URL) return callback(new Error('configuration is missing MONGO_URL'));

    // One client per connection, kept in `global` so later executions reuse its connections instead of opening
    // (and leaking) one each time. `global` is a cache that may vanish: then the client is simply made again.
    const connecting = global.mongoClient || (global.mongoClient = MongoClient.connect(configuration.MONGO_URL));
    connecting.then(function (client) {
        // MONGO_DATABASE, when set, names the database; otherwise the one in MONGO_URL's path.
        const users = client.db(configuration.MONGO_DATABASE).collection('users');

        // The profile's user_id is the ObjectId's hex; documents with other _id types are matched as they are.
        const key = /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id) : id;
        users.deleteOne({ _id: key }, function (err) {
            if (err) return callback(err);
            callback(null);
        });
    }, function (err) {
        global.mongoClient = null; // a failed connection is not cached: the next execution tries again
        callback(err);
    });
}
