package dev.sluice.sandbox.modules;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Runs one request of the {@code mongodb} facade on a connected client. Requests and results are MongoDB Extended
 * JSON (canonical), so ObjectIds, dates, 32/64-bit integers and doubles keep their BSON types both ways; the
 * facade shapes the raw outcome ({@code matched}, {@code modified}, ...) into the result objects of the npm
 * driver's requested major version. Blocking; runs on a virtual thread.
 */
final class MongoOperations {

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).build();

    private final MongoDatabase database;
    private final MongoCollection<RawBsonDocument> collection;
    private final BsonDocument request;
    private final long maxBytes;

    private MongoOperations(MongoDatabase database, BsonDocument request, long maxBytes) {
        this.database = database;
        this.collection = request.containsKey("collection")
                ? database.getCollection(request.getString("collection").getValue(), RawBsonDocument.class) : null;
        this.request = request;
        this.maxBytes = maxBytes;
    }

    /** Executes {@code requestJson} ({@code {op, db, collection, ...}}) and returns the outcome as canonical EJSON. */
    static String execute(MongoConnection connection, String requestJson, long maxBytes) {
        BsonDocument request = BsonDocument.parse(requestJson);
        MongoDatabase database = connection.client().getDatabase(request.getString("db").getValue());
        BsonDocument outcome = new MongoOperations(database, request, maxBytes).run();
        return outcome.toJson(CANONICAL);
    }

    private BsonDocument run() {
        String op = request.getString("op").getValue();
        return switch (op) {
            case "find" -> new BsonDocument("docs", find());
            case "aggregate" -> new BsonDocument("docs", aggregate());
            case "insert" -> insert();
            case "update" -> update();
            case "delete" -> delete();
            case "count" -> new BsonDocument("n", new BsonInt64(count()));
            case "findAndModify", "command" -> new BsonDocument("reply", command(op));
            case "createIndex" -> new BsonDocument("name", new BsonString(createIndex()));
            case "drop" -> {
                collection.drop();
                yield new BsonDocument();
            }
            default -> throw ModuleError.withCode("ERR_NOT_SUPPORTED", "unsupported operation " + op);
        };
    }

    private BsonArray find() {
        FindIterable<RawBsonDocument> found = collection.find(document("filter"));
        if (request.isNumber("maxTimeMS")) {
            found.maxTime(request.getNumber("maxTimeMS").longValue(), TimeUnit.MILLISECONDS);
        }
        optionalDocument("projection").ifPresent(found::projection);
        optionalDocument("sort").ifPresent(found::sort);
        found.skip(integer("skip"));
        found.limit(integer("limit"));
        return collect(found.iterator());
    }

    private BsonArray aggregate() {
        List<BsonDocument> pipeline = request.getArray("pipeline").stream().map(BsonValue::asDocument).toList();
        return collect(collection.aggregate(pipeline).iterator());
    }

    private BsonArray collect(MongoCursor<RawBsonDocument> iterator) {
        BsonArray docs = new BsonArray();
        long bytes = 0;
        try (MongoCursor<RawBsonDocument> cursor = iterator) {
            while (cursor.hasNext()) {
                RawBsonDocument doc = cursor.next();
                bytes += doc.getByteBuffer().remaining();
                if (bytes > maxBytes) {
                    throw ModuleError.withCode("ERR_RESULT_TOO_LARGE",
                            "the query returned more than the policy's responseBytes (" + maxBytes + " bytes)");
                }
                docs.add(doc);
            }
        }
        return docs;
    }

    private BsonDocument insert() {
        List<BsonDocument> docs = request.getArray("docs").stream().map(BsonValue::asDocument).toList();
        MongoCollection<BsonDocument> target = collection.withDocumentClass(BsonDocument.class);
        if (request.getBoolean("one", org.bson.BsonBoolean.FALSE).getValue()) {
            target.insertOne(docs.getFirst());
        } else {
            target.insertMany(docs, new InsertManyOptions().ordered(flag("ordered", true)));
        }
        return new BsonDocument("n", new BsonInt32(docs.size()));
    }

    private BsonDocument update() {
        Bson filter = document("filter");
        BsonValue change = request.get("update");
        boolean upsert = flag("upsert", false);
        UpdateResult result;
        if (flag("replace", false)) {
            result = collection.withDocumentClass(BsonDocument.class)
                    .replaceOne(filter, change.asDocument(), new ReplaceOptions().upsert(upsert));
        } else {
            UpdateOptions options = new UpdateOptions().upsert(upsert);
            if (request.isArray("arrayFilters")) {
                options.arrayFilters(request.getArray("arrayFilters").stream().map(v -> (Bson) v.asDocument())
                        .toList());
            }
            result = change.isArray() ? updatePipeline(filter, change.asArray(), options)
                    : flag("multi", false) ? collection.updateMany(filter, change.asDocument(), options)
                    : collection.updateOne(filter, change.asDocument(), options);
        }
        BsonDocument out = new BsonDocument("matched", new BsonInt64(result.getMatchedCount()));
        out.put("modified", new BsonInt64(result.wasAcknowledged() ? result.getModifiedCount() : 0));
        out.put("upsertedId", result.getUpsertedId() == null ? BsonNull.VALUE : result.getUpsertedId());
        return out;
    }

    private UpdateResult updatePipeline(Bson filter, BsonArray stages, UpdateOptions options) {
        List<Bson> pipeline = stages.stream().map(v -> (Bson) v.asDocument()).toList();
        return flag("multi", false) ? collection.updateMany(filter, pipeline, options)
                : collection.updateOne(filter, pipeline, options);
    }

    private BsonDocument delete() {
        Bson filter = document("filter");
        long deleted = flag("multi", false) ? collection.deleteMany(filter).getDeletedCount()
                : collection.deleteOne(filter).getDeletedCount();
        return new BsonDocument("deleted", new BsonInt64(deleted));
    }

    private long count() {
        CountOptions options = new CountOptions();
        if (integer("skip") > 0) {
            options.skip(integer("skip"));
        }
        if (integer("limit") > 0) {
            options.limit(integer("limit"));
        }
        return collection.countDocuments(document("filter"), options);
    }

    /** {@code findAndModify} runs as the raw command so the reply keeps {@code lastErrorObject}, as Node shows it. */
    private BsonDocument command(String op) {
        BsonDocument command = document("command");
        if (op.equals("findAndModify")) {
            BsonDocument named = new BsonDocument("findAndModify", new BsonString(collection.getNamespace()
                    .getCollectionName()));
            named.putAll(command);
            command = named;
        }
        return database.runCommand(command, BsonDocument.class);
    }

    private String createIndex() {
        BsonDocument options = optionalDocument("options").orElseGet(BsonDocument::new);
        IndexOptions index = new IndexOptions().unique(options.getBoolean("unique", org.bson.BsonBoolean.FALSE)
                .getValue()).sparse(options.getBoolean("sparse", org.bson.BsonBoolean.FALSE).getValue());
        if (options.isString("name")) {
            index.name(options.getString("name").getValue());
        }
        if (options.isNumber("expireAfterSeconds")) {
            index.expireAfter(options.getNumber("expireAfterSeconds").longValue(), TimeUnit.SECONDS);
        }
        return collection.createIndex(document("keys"), index);
    }

    private BsonDocument document(String key) {
        return optionalDocument(key).orElseGet(BsonDocument::new);
    }

    private java.util.Optional<BsonDocument> optionalDocument(String key) {
        return request.isDocument(key) ? java.util.Optional.of(request.getDocument(key)) : java.util.Optional.empty();
    }

    private int integer(String key) {
        return request.isNumber(key) ? request.getNumber(key).intValue() : 0;
    }

    private boolean flag(String key, boolean otherwise) {
        return request.isBoolean(key) ? request.getBoolean(key).getValue() : otherwise;
    }
}
