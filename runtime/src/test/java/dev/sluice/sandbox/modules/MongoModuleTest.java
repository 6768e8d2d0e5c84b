package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptSet;
import java.net.InetSocketAddress;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code mongodb} module as scripts use it, through the sandbox, against mongo-java-server (an in-process
 * server speaking the MongoDB wire protocol, memory backend) on a random loopback port — not a genuine MongoDB.
 */
class MongoModuleTest {

    private static final String LOOPBACK = "{\"allowLoopback\": true}";
    private static final ObjectId ANN_ID = new ObjectId("65a1b2c3d4e5f60718293a4b");

    private static MongoServer server;
    private static MongoClient seed;
    private static String url;
    private static GraalScriptRunner runner;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        url = "mongodb://127.0.0.1:" + address.getPort() + "/legacy";
        seed = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        runner = Sandboxes.runner();
    }

    @AfterAll
    static void stop() {
        runner.close();
        seed.close();
        server.shutdownNow();
    }

    @BeforeEach
    void seedUsers() {
        MongoCollection<Document> users = seed.getDatabase("legacy").getCollection("users");
        users.drop();
        String hash = BCrypt.withDefaults().hashToString(4, "secret".toCharArray());
        users.insertOne(new Document("_id", ANN_ID).append("email", "ann@example.com").append("password", hash)
                .append("nickname", "ann").append("logins", 3).append("score", 1.5).append("big", 9007199254740993L)
                .append("seen", new java.util.Date(1_700_000_000_000L))
                .append("address", new Document("city", "Oslo").append("tags", java.util.List.of("a", "b"))));
    }

    @Test
    void login_in_the_published_template_style_checks_the_bcrypt_hash() {
        String source = """
                function login(email, password, callback) {
                  const bcrypt = require('bcrypt');
                  const MongoClient = require('mongodb@3.1.4').MongoClient;
                  MongoClient.connect(configuration.MONGO_URL, function (err, client) {
                    if (err) return callback(err);
                    const db = client.db('legacy');
                    const users = db.collection('users');
                    users.findOne({ email: email }, function (err, user) {
                      if (err || !user) {
                        client.close();
                        return callback(err || new WrongUsernameOrPasswordError(email));
                      }
                      bcrypt.compare(password, user.password, function (err, isValid) {
                        client.close();
                        if (err || !isValid) return callback(err || new WrongUsernameOrPasswordError(email));
                        return callback(null, {
                          user_id: user._id.toString(),
                          nickname: user.nickname,
                          email: user.email
                        });
                      });
                    });
                  });
                }
                """;

        ScriptResult ok = Sandboxes.run(runner, set(source), ScriptKey.LOGIN, "ann@example.com", "secret");
        ScriptResult wrong = Sandboxes.run(runner, set(source), ScriptKey.LOGIN, "ann@example.com", "nope");
        ScriptResult unknown = Sandboxes.run(runner, set(source), ScriptKey.LOGIN, "bob@example.com", "secret");

        assertThat(success(ok).path("user_id").asText()).isEqualTo(ANN_ID.toHexString());
        assertThat(success(ok).path("nickname").asText()).isEqualTo("ann");
        assertThat(failure(wrong).name()).isEqualTo("WrongUsernameOrPasswordError");
        assertThat(failure(unknown).userId()).contains("bob@example.com");
    }

    @Test
    void version_5_promises_give_the_v4_result_shapes() {
        JsonNode out = value("""
                async function login(email, password, callback) {
                  const { MongoClient } = require('mongodb@5.1.0');
                  const client = new MongoClient(configuration.MONGO_URL);
                  await client.connect();
                  const users = client.db().collection('users');
                  const inserted = await users.insertOne({ email: 'bob@example.com', logins: 0 });
                  const updated = await users.updateOne({ email: 'bob@example.com' }, { $set: { nickname: 'bob' } });
                  const upserted = await users.updateOne({ email: 'cy@example.com' }, { $set: { n: 1 } },
                      { upsert: true });
                  const found = await users.findOne({ _id: inserted.insertedId });
                  const modified = await users.findOneAndUpdate({ email: 'bob@example.com' }, { $inc: { logins: 1 } },
                      { returnDocument: 'after' });
                  const count = await users.countDocuments({ email: { $in: ['ann@example.com', 'bob@example.com'] } });
                  const deleted = await users.deleteOne({ email: 'bob@example.com' });
                  await client.close();
                  callback(null, { user_id: 'x', inserted, updated, upsertedCount: upserted.upsertedCount,
                      upsertedIsId: upserted.upsertedId instanceof require('mongodb@5.1.0').ObjectId,
                      nickname: found.nickname, modified, count, deleted });
                }
                """);

        assertThat(out.path("inserted").path("acknowledged").asBoolean()).isTrue();
        assertThat(out.path("inserted").path("insertedId").asText()).hasSize(24);
        assertThat(out.path("inserted").has("ops")).isFalse();
        assertThat(out.path("updated").toString()).isEqualTo(
                "{\"acknowledged\":true,\"matchedCount\":1,\"modifiedCount\":1,\"upsertedId\":null,\"upsertedCount\":0}");
        assertThat(out.path("upsertedCount").asInt()).isEqualTo(1);
        assertThat(out.path("upsertedIsId").asBoolean()).isTrue();
        assertThat(out.path("nickname").asText()).isEqualTo("bob");
        assertThat(out.path("modified").path("ok").asInt()).isEqualTo(1);
        assertThat(out.path("modified").path("value").path("logins").asInt()).isEqualTo(1);
        assertThat(out.path("count").asInt()).isEqualTo(2);
        assertThat(out.path("deleted").toString()).isEqualTo("{\"acknowledged\":true,\"deletedCount\":1}");
    }

    @Test
    void version_3_callbacks_give_the_v3_result_shapes() {
        JsonNode out = value("""
                function login(email, password, callback) {
                  const mongodb = require('mongodb@3.1.4');
                  const client = new mongodb.MongoClient(configuration.MONGO_URL, { useNewUrlParser: true });
                  client.connect(function (err, connected) {
                    if (err) return callback(err);
                    const users = connected.db('legacy').collection('users');
                    const doc = { email: 'bob@example.com' };
                    users.insertOne(doc, function (err, inserted) {
                      if (err) return callback(err);
                      users.updateOne({ email: 'bob@example.com' }, { $set: { a: 1 } }, function (err, updated) {
                        if (err) return callback(err);
                        users.insert([{ email: 'c@x' }, { email: 'd@x' }], function (err, legacyInsert) {
                          if (err) return callback(err);
                          users.update({ email: 'c@x' }, { $set: { b: 2 } }, { upsert: false }, function (err, legacy) {
                            if (err) return callback(err);
                            users.findOneAndUpdate({ email: 'c@x' }, { $set: { b: 3 } }, { returnOriginal: false },
                                function (err, fam) {
                              if (err) return callback(err);
                              users.remove({ email: { $in: ['c@x', 'd@x'] } }, function (err, removed) {
                                if (err) return callback(err);
                                users.deleteOne({ email: 'bob@example.com' }, function (err, deleted) {
                                  client.close();
                                  callback(err, { user_id: 'x', docGotId: doc._id.equals(inserted.insertedId),
                                      insertedCount: inserted.insertedCount, ops: inserted.ops.length,
                                      updated: updated.result, matchedCount: updated.matchedCount,
                                      legacyInsert: legacyInsert.insertedCount, legacy: legacy.result,
                                      fam: { b: fam.value.b, ok: fam.ok }, removed: removed.result,
                                      deleted: { n: deleted.result.n, deletedCount: deleted.deletedCount } });
                                });
                              });
                            });
                          });
                        });
                      });
                    });
                  });
                }
                """);

        assertThat(out.path("docGotId").asBoolean()).isTrue();
        assertThat(out.path("insertedCount").asInt()).isEqualTo(1);
        assertThat(out.path("ops").asInt()).isEqualTo(1);
        assertThat(out.path("updated").toString()).isEqualTo("{\"n\":1,\"nModified\":1,\"ok\":1}");
        assertThat(out.path("matchedCount").asInt()).isEqualTo(1);
        assertThat(out.path("legacyInsert").asInt()).isEqualTo(2);
        assertThat(out.path("legacy").path("nModified").asInt()).isEqualTo(1);
        assertThat(out.path("fam").toString()).isEqualTo("{\"b\":3,\"ok\":1}");
        assertThat(out.path("removed").toString()).isEqualTo("{\"n\":2,\"ok\":1}");
        assertThat(out.path("deleted").toString()).isEqualTo("{\"n\":1,\"deletedCount\":1}");
    }

    @Test
    void bare_require_answers_find_one_and_update_with_the_document_like_version_6() {
        JsonNode out = value("""
                async function login(email, password, callback) {
                  const client = await require('mongodb').MongoClient.connect(configuration.MONGO_URL);
                  const users = client.db('legacy').collection('users');
                  const doc = await users.findOneAndUpdate({ email: 'ann@example.com' }, { $set: { nickname: 'A' } },
                      { returnDocument: 'after', projection: { nickname: 1 } });
                  const meta = await users.findOneAndUpdate({ email: 'nobody' }, { $set: { x: 1 } },
                      { includeResultMetadata: true });
                  await client.close();
                  callback(null, { user_id: 'x', doc, meta });
                }
                """);

        assertThat(out.path("doc").toString()).isEqualTo("{\"_id\":\"" + ANN_ID.toHexString() + "\",\"nickname\":\"A\"}");
        assertThat(out.path("meta").path("value").isNull()).isTrue();
    }

    @Test
    void object_ids_dates_numbers_and_nested_documents_round_trip() {
        JsonNode out = value("""
                async function login(email, password, callback) {
                  const { MongoClient, ObjectId, ObjectID } = require('mongodb@5.1.0');
                  const client = await MongoClient.connect(configuration.MONGO_URL);
                  const users = client.db().collection('users');
                  const ann = await users.findOne({ _id: new ObjectId('%s') });
                  const fresh = new ObjectId();
                  const when = new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6));
                  await users.insertOne({ _id: fresh, when, n: 7, d: 2.5, big: 2 ** 40, nested: { list: [1, 'two', { three: 3 }] } });
                  const back = await users.findOne({ _id: fresh, when: { $lte: when } }, { projection: { email: 0 } });
                  await client.close();
                  callback(null, { user_id: 'x',
                    annIdIsObjectId: ann._id instanceof ObjectId, annHex: ann._id.toHexString(),
                    seenIsDate: ann.seen instanceof Date, seen: ann.seen.getTime(),
                    logins: ann.logins, score: ann.score, big: ann.big, city: ann.address.city, tags: ann.address.tags,
                    equal: back._id.equals(fresh) && back._id.equals(fresh.toString()),
                    whenBack: back.when.toISOString(), n: back.n, d: back.d, big2: back.big, nested: back.nested,
                    alias: ObjectID === ObjectId, timestamp: new ObjectId('%s').getTimestamp().getTime(),
                    valid: [ObjectId.isValid('%s'), ObjectId.isValid('nope'), ObjectId.isValid(fresh)],
                    generated: ObjectId.isValid(new ObjectId().toString()) });
                }
                """.formatted(ANN_ID.toHexString(), ANN_ID.toHexString(), ANN_ID.toHexString()));

        assertThat(out.path("annIdIsObjectId").asBoolean()).isTrue();
        assertThat(out.path("annHex").asText()).isEqualTo(ANN_ID.toHexString());
        assertThat(out.path("seenIsDate").asBoolean()).isTrue();
        assertThat(out.path("seen").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(out.path("logins").isInt()).isTrue();
        assertThat(out.path("score").asDouble()).isEqualTo(1.5);
        assertThat(out.path("big").asText()).isEqualTo("9007199254740993");
        assertThat(out.path("city").asText()).isEqualTo("Oslo");
        assertThat(out.path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(out.path("equal").asBoolean()).isTrue();
        assertThat(out.path("whenBack").asText()).isEqualTo("2020-01-02T03:04:05.006Z");
        assertThat(out.path("n").asInt()).isEqualTo(7);
        assertThat(out.path("d").asDouble()).isEqualTo(2.5);
        assertThat(out.path("big2").asLong()).isEqualTo(1L << 40);
        assertThat(out.path("nested").toString()).isEqualTo("{\"list\":[1,\"two\",{\"three\":3}]}");
        assertThat(out.path("alias").asBoolean()).isTrue();
        assertThat(out.path("timestamp").asLong()).isEqualTo(ANN_ID.getTimestamp() * 1000L);
        assertThat(out.path("valid").toString()).isEqualTo("[true,false,true]");
        assertThat(out.path("generated").asBoolean()).isTrue();
        Document stored = seed.getDatabase("legacy").getCollection("users").find(new Document("n", 7)).first();
        assertThat(stored.get("n")).isInstanceOf(Integer.class);
        assertThat(stored.get("d")).isInstanceOf(Double.class);
        assertThat(stored.get("big")).isInstanceOf(Double.class);
        assertThat(stored.get("when")).isEqualTo(new java.util.Date(1577934245006L));
    }

    @Test
    void cursors_chain_project_sort_limit_and_skip_in_both_styles() {
        JsonNode out = value("""
                function login(email, password, callback) {
                  const { MongoClient } = require('mongodb@3.1.4');
                  MongoClient.connect(configuration.MONGO_URL, {}, async function (err, client) {
                    if (err) return callback(err);
                    const users = client.db('legacy').collection('users');
                    await users.insertMany([{ email: 'b@x', rank: 2 }, { email: 'c@x', rank: 3 }, { email: 'd@x', rank: 4 }]);
                    users.find({ rank: { $gte: 2 } }).project({ _id: 0, email: 1 }).sort({ rank: -1 }).skip(1).limit(2)
                      .toArray(async function (err, docs) {
                        if (err) return callback(err);
                        const promised = await users.find({ $or: [{ email: 'b@x' }, { email: { $regex: '^d' } }] },
                            { projection: { email: 1, _id: 0 }, sort: [['email', 'desc']] }).toArray();
                        client.close(function () {
                          callback(null, { user_id: 'x', docs, promised });
                        });
                      });
                  });
                }
                """);

        assertThat(out.path("docs").toString()).isEqualTo("[{\"email\":\"c@x\"},{\"email\":\"b@x\"}]");
        assertThat(out.path("promised").toString()).isEqualTo("[{\"email\":\"d@x\"},{\"email\":\"b@x\"}]");
    }

    @Test
    void a_duplicate_key_is_code_11000_named_by_the_requested_version() {
        JsonNode out = value("""
                async function login(email, password, callback) {
                  const v5 = require('mongodb@5.1.0');
                  const v3 = require('mongodb@3.1.4');
                  const client = await v5.MongoClient.connect(configuration.MONGO_URL);
                  const users = client.db().collection('users');
                  const index = await users.createIndex({ email: 1 }, { unique: true });
                  let modern;
                  try { await users.insertOne({ email: 'ann@example.com' }); } catch (e) { modern = e; }
                  const old = await v3.MongoClient.connect(configuration.MONGO_URL);
                  old.db('legacy').collection('users').insertOne({ email: 'ann@example.com' }, async function (legacy) {
                    await client.close();
                    await old.close();
                    callback(null, { user_id: 'x', index, modern: [modern.name, modern.code, modern instanceof v5.MongoError],
                        legacy: [legacy.name, legacy.code], sameModule: require('mongodb@5.1.0') === v5,
                        distinct: v3 !== v5 });
                  });
                }
                """);

        assertThat(out.path("index").asText()).isEqualTo("email_1");
        assertThat(out.path("modern").toString()).isEqualTo("[\"MongoServerError\",11000,true]");
        assertThat(out.path("legacy").toString()).isEqualTo("[\"MongoError\",11000]");
        assertThat(out.path("sameModule").asBoolean()).isTrue();
        assertThat(out.path("distinct").asBoolean()).isTrue();
    }

    @Test
    void a_client_kept_in_global_is_reused_by_the_next_execution() {
        ScriptSet set = set("""
                async function login(email, password, callback) {
                  const reused = Boolean(global.mongoClient);
                  const { MongoClient } = require('mongodb@5.1.0');
                  if (!global.mongoClient) {
                    global.mongoClient = new MongoClient(configuration.MONGO_URL);
                    await global.mongoClient.connect();
                  }
                  const user = await global.mongoClient.db().collection('users').findOne({ email });
                  callback(null, { user_id: user._id.toString(), reused });
                }
                """);

        JsonNode first = success(Sandboxes.run(runner, set, ScriptKey.LOGIN, "ann@example.com", "pw"));
        JsonNode second = success(Sandboxes.run(runner, set, ScriptKey.LOGIN, "ann@example.com", "pw"));

        assertThat(first.path("reused").asBoolean()).isFalse();
        assertThat(second.path("reused").asBoolean()).isTrue();
        assertThat(second.path("user_id").asText()).isEqualTo(ANN_ID.toHexString());
    }

    @Test
    void the_default_policy_refuses_a_loopback_server() {
        ScriptSet set = Sandboxes.set(ScriptKey.LOGIN, """
                function login(email, password, callback) {
                  require('mongodb@3.1.4').MongoClient.connect(configuration.MONGO_URL, function (err, client) {
                    callback(err || new Error('connected'));
                  });
                }
                """, Map.of("MONGO_URL", url), "{}");

        ScriptError error = failure(Sandboxes.run(runner, set, ScriptKey.LOGIN, "a", "b"));

        assertThat(error.code()).contains("EHOSTBLOCKED");
        assertThat(error.message()).contains("127.0.0.1").contains("not allowed");
    }

    @Test
    void an_unreachable_server_is_a_server_selection_error() {
        ScriptSet set = Sandboxes.set(ScriptKey.LOGIN, """
                async function login(email, password, callback) {
                  const { MongoClient } = require('mongodb@5.1.0');
                  await MongoClient.connect('mongodb://127.0.0.1:1/legacy');
                  callback(new Error('connected'));
                }
                """, Map.of(), "{\"allowLoopback\": true, \"queryTimeoutMs\": 1000}");

        ScriptError error = failure(Sandboxes.run(runner, set, ScriptKey.LOGIN, "a", "b"));

        assertThat(error.name()).isEqualTo("MongoServerSelectionError");
        assertThat(error.message()).contains("ECONNREFUSED").contains("127.0.0.1:1");
    }

    private static ScriptSet set(String source) {
        return Sandboxes.set(ScriptKey.LOGIN, source, Map.of("MONGO_URL", url), LOOPBACK);
    }

    private static JsonNode value(String source) {
        return success(Sandboxes.run(runner, set(source), ScriptKey.LOGIN, "ann@example.com", "secret"));
    }

    private static JsonNode success(ScriptResult result) {
        assertThat(result.outcome()).as("outcome (console %s)", result.console()).isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }

    private static ScriptError failure(ScriptResult result) {
        assertThat(result.outcome()).as("outcome (console %s)", result.console()).isInstanceOf(ScriptOutcome.Failure.class);
        return ((ScriptOutcome.Failure) result.outcome()).error();
    }
}
