// The npm `mongodb` driver over the MongoDB Java driver (MongoPrimitive). Requests and results cross as canonical
// Extended JSON, so ObjectIds, dates and number types survive both ways. Result shapes follow the major version the
// script asked for (`require('mongodb@3.1.4')` → the v3 shapes; `@4`/`@5` → v4 shapes; none or `@6`+ → v6).
// Every method takes a callback as its last argument or, without one, returns a Promise.
(function (module, exports, require, host, lib) {
    'use strict';
    const requested = /^\d+/.exec(module.version || '');
    const MAJOR = requested ? Number(requested[0]) : 6;
    const LEGACY = MAJOR < 4;
    const G = globalThis;
    const defer = (fn) => G.setImmediate(fn);
    let bufferClass;
    const Buffer = () => bufferClass || (bufferClass = require('buffer').Buffer);

    // --- errors: the driver's classes; which one a failure becomes depends on the major version ---
    class MongoError extends Error {
        get name() { return this.constructor.className; }
        get errmsg() { return this.message; }
    }
    const errorClasses = {};
    function defineError(className, parent) {
        const ctor = {[className]: class extends parent {}}[className];
        ctor.className = className;
        errorClasses[className] = ctor;
        return ctor;
    }
    MongoError.className = 'MongoError';
    const MongoServerError = defineError('MongoServerError', MongoError);
    const MongoNetworkError = defineError('MongoNetworkError', MongoError);
    const MongoServerSelectionError = defineError('MongoServerSelectionError', MongoError);
    const MongoParseError = defineError('MongoParseError', MongoError);
    const MongoBulkWriteError = defineError('MongoBulkWriteError', MongoServerError);
    const BulkWriteError = defineError('BulkWriteError', MongoError);
    const MongoNotConnectedError = defineError('MongoNotConnectedError', MongoError);
    const MongoInvalidArgumentError = defineError('MongoInvalidArgumentError', MongoError);
    const MongoTopologyClosedError = defineError('MongoTopologyClosedError', MongoError);

    function classFor(kind) {
        switch (kind) {
            case 'server': return LEGACY ? MongoError : MongoServerError;
            case 'bulk': return LEGACY ? BulkWriteError : MongoBulkWriteError;
            case 'network': return MongoNetworkError;
            case 'selection': return LEGACY ? MongoNetworkError : MongoServerSelectionError;
            case 'parse': return MongoParseError;
            case 'notConnected': return LEGACY ? MongoError : MongoNotConnectedError;
            default: return MongoError;
        }
    }
    function toError(json, fallbackKind) {
        const fields = JSON.parse(json);
        const kind = fields.kind || fallbackKind;
        const ErrorClass = classFor(kind);
        const error = new ErrorClass(kind === 'selection' && LEGACY
            ? 'failed to connect to server on first connect [MongoNetworkError: ' + fields.message + ']'
            : fields.message);
        for (const key of Object.keys(fields)) {
            if (key !== 'message' && key !== 'kind' && key !== 'details') {
                error[key] = fields[key];
            }
        }
        if (kind === 'server' && error.code === 11000) {
            error.index = 0;
            const details = fields.details ? fromEjson(JSON.parse(fields.details)) : {};
            if (details.keyPattern) error.keyPattern = details.keyPattern;
            if (details.keyValue) error.keyValue = details.keyValue;
        }
        if (LEGACY && (kind === 'server' || kind === 'bulk')) {
            error.driver = true;
        }
        return error;
    }
    function argumentError(message) {
        return new (LEGACY ? MongoError : MongoInvalidArgumentError)(message);
    }

    // --- BSON values ---
    const HEX24 = /^[0-9a-fA-F]{24}$/;
    const hexOf = (bytes) => Array.from(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
    const randomHex = (n) => Array.from({length: n}, () => Math.floor(Math.random() * 16).toString(16)).join('');
    const PROCESS_UNIQUE = randomHex(10);
    let counter = Math.floor(Math.random() * 0xffffff);
    function generate(time) {
        const seconds = (time === undefined ? Math.floor(Date.now() / 1000) : time) >>> 0;
        counter = (counter + 1) % 0x1000000;
        return seconds.toString(16).padStart(8, '0') + PROCESS_UNIQUE + counter.toString(16).padStart(6, '0');
    }
    const OBJECT_ID_ERROR = 'Argument passed in must be a string of 12 bytes or a string of 24 hex characters or '
        + 'an integer';
    function hexFrom(value) {
        if (value === undefined || value === null) return generate();
        if (typeof value === 'number') return generate(value);
        if (typeof value === 'string') {
            if (HEX24.test(value)) return value.toLowerCase();
            if (value.length === 12 && MAJOR < 5) return hexOf(Array.from(value, (c) => c.charCodeAt(0) & 0xff));
        } else if (value instanceof Uint8Array && value.length === 12) {
            return hexOf(value);
        } else if (isObjectId(value)) {
            return value.toHexString();
        }
        throw new (LEGACY ? TypeError : MongoError)(OBJECT_ID_ERROR);
    }
    /** `ObjectId([hex | 12 bytes | seconds])`; callable without `new`, as bson's ObjectID was. */
    function ObjectId(value) {
        if (!(this instanceof ObjectId)) {
            return new ObjectId(value);
        }
        Object.defineProperty(this, '__hex', {value: hexFrom(value)});
    }
    function isObjectId(value) {
        return value instanceof ObjectId || (value !== null && typeof value === 'object'
            && (value._bsontype === 'ObjectID' || value._bsontype === 'ObjectId')
            && typeof value.toHexString === 'function');
    }
    Object.defineProperty(ObjectId.prototype, '_bsontype', {value: LEGACY ? 'ObjectID' : 'ObjectId'});
    Object.assign(ObjectId.prototype, {
        toHexString() { return this.__hex; },
        toString(encoding) {
            return encoding === 'base64' ? Buffer().from(this.__hex, 'hex').toString('base64') : this.__hex;
        },
        toJSON() { return this.__hex; },
        inspect() { return (LEGACY ? 'ObjectID("' : 'new ObjectId("') + this.__hex + '")'; },
        equals(other) {
            if (other === null || other === undefined) return false;
            if (typeof other === 'string') {
                return HEX24.test(other) ? other.toLowerCase() === this.__hex
                    : other.length === 12 && hexFrom(other) === this.__hex;
            }
            return isObjectId(other) && other.toHexString() === this.__hex;
        },
        getTimestamp() { return new Date(parseInt(this.__hex.slice(0, 8), 16) * 1000); },
    });
    Object.defineProperty(ObjectId.prototype, 'generationTime', {get() { return parseInt(this.__hex.slice(0, 8), 16); }});
    Object.defineProperty(ObjectId.prototype, 'id', {get() { return Buffer().from(this.__hex, 'hex'); }});
    ObjectId.prototype[Symbol.for('nodejs.util.inspect.custom')] = ObjectId.prototype.inspect;
    ObjectId.isValid = function (value) {
        if (value === null || value === undefined) return false;
        try {
            hexFrom(value);
            return true;
        } catch (e) {
            return false;
        }
    };
    ObjectId.createFromHexString = function (hex) {
        if (typeof hex !== 'string' || !HEX24.test(hex)) throw new TypeError(OBJECT_ID_ERROR);
        return new ObjectId(hex);
    };
    ObjectId.createFromTime = (seconds) => new ObjectId(seconds.toString(16).padStart(8, '0') + '0'.repeat(16));
    ObjectId.generate = (time) => Buffer().from(generate(time), 'hex');

    /** A 64-bit integer that does not fit a double exactly (smaller ones arrive as numbers, as with promoteLongs). */
    class Long {
        constructor(text) { this.__text = String(text); }
        get _bsontype() { return 'Long'; }
        toString() { return this.__text; }
        toNumber() { return Number(this.__text); }
        toJSON() { return this.__text; }
        static fromString(text) { return new Long(text); }
        static fromNumber(n) { return new Long(Math.trunc(n)); }
    }
    class Decimal128 {
        constructor(text) { this.__text = String(text); }
        get _bsontype() { return 'Decimal128'; }
        toString() { return this.__text; }
        toJSON() { return {$numberDecimal: this.__text}; }
        static fromString(text) { return new Decimal128(text); }
    }
    class Binary {
        constructor(buffer, subType) {
            this.buffer = Buffer().from(buffer || []);
            this.sub_type = subType || 0;
        }
        get _bsontype() { return 'Binary'; }
        get position() { return this.buffer.length; }
        value() { return this.buffer.toString('latin1'); }
        toString(encoding) { return this.buffer.toString(encoding); }
        toJSON() { return this.buffer.toString('base64'); }
    }
    class Int32 {
        constructor(value) { this.value = Number(value) | 0; }
        get _bsontype() { return 'Int32'; }
        valueOf() { return this.value; }
    }
    class Double {
        constructor(value) { this.value = Number(value); }
        get _bsontype() { return 'Double'; }
        valueOf() { return this.value; }
    }

    const INT32_MIN = -2147483648;
    const INT32_MAX = 2147483647;
    function doubleEjson(n) {
        return {$numberDouble: Number.isNaN(n) ? 'NaN' : n === Infinity ? 'Infinity' : n === -Infinity
            ? '-Infinity' : Object.is(n, -0) ? '-0.0' : String(n)};
    }
    const REGEX_FLAGS = {i: 'i', m: 'm', s: 's', u: 'u'};
    /** JS value → canonical Extended JSON, as the npm driver would serialize it to BSON. */
    function toEjson(value, depth) {
        if (depth > 100) throw new RangeError('Maximum call stack size exceeded');
        if (value === null || value === undefined) return null;
        switch (typeof value) {
            case 'number':
                return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0)
                    ? value : doubleEjson(value);
            case 'string':
            case 'boolean':
                return value;
            case 'bigint':
                return {$numberLong: String(value)};
            case 'function':
            case 'symbol':
                return undefined;
            default:
                return objectEjson(value, depth);
        }
    }
    function objectEjson(value, depth) {
        if (isObjectId(value)) return {$oid: value.toHexString()};
        if (value instanceof Date) {
            if (Number.isNaN(value.getTime())) throw argumentError('Invalid Date cannot be serialized');
            return {$date: {$numberLong: String(value.getTime())}};
        }
        if (value instanceof RegExp) {
            const options = Array.from(value.flags).map((f) => REGEX_FLAGS[f] || '').sort().join('');
            return {$regularExpression: {pattern: value.source, options}};
        }
        if (value instanceof Uint8Array) {
            return {$binary: {base64: Buffer().from(value).toString('base64'), subType: '00'}};
        }
        switch (value._bsontype) {
            case 'Long': return {$numberLong: value.toString()};
            case 'Decimal128': return {$numberDecimal: value.toString()};
            case 'Int32': return value.valueOf() | 0;
            case 'Double': return doubleEjson(Number(value.valueOf()));
            case 'Binary':
                return {$binary: {base64: Buffer().from(value.buffer).toString('base64'),
                    subType: (value.sub_type || 0).toString(16).padStart(2, '0')}};
            default:
        }
        if (Array.isArray(value)) {
            return value.map((item) => {
                const out = toEjson(item, depth + 1);
                return out === undefined ? null : out;
            });
        }
        if (typeof value.toBSON === 'function') {
            return toEjson(value.toBSON(), depth + 1);
        }
        const out = {};
        for (const key of Object.keys(value)) {
            const item = toEjson(value[key], depth + 1);
            if (item !== undefined) {
                out[key] = item;
            }
        }
        return out;
    }
    const JS_FLAGS = {i: 'i', m: 'm', s: 's', u: 'u'};
    /** Canonical Extended JSON → JS values, as the npm driver deserializes BSON (promoteLongs, promoteValues). */
    function fromEjson(value) {
        if (value === null || typeof value !== 'object') return value;
        if (Array.isArray(value)) return value.map(fromEjson);
        const keys = Object.keys(value);
        if (keys.length > 0 && keys.length <= 2 && keys[0].charAt(0) === '$') {
            const special = fromSpecial(keys[0], value);
            if (special !== NOT_SPECIAL) return special;
        }
        const out = {};
        for (const key of keys) {
            out[key] = fromEjson(value[key]);
        }
        return out;
    }
    const NOT_SPECIAL = {};
    function fromSpecial(key, value) {
        const inner = value[key];
        switch (key) {
            case '$oid': return new ObjectId(inner);
            case '$date':
                return new Date(typeof inner === 'object' ? Number(inner.$numberLong)
                    : typeof inner === 'string' ? Date.parse(inner) : inner);
            case '$numberInt': return Number(inner);
            case '$numberDouble': return Number(inner);
            case '$numberLong': {
                const n = Number(inner);
                return Number.isSafeInteger(n) ? n : new Long(inner);
            }
            case '$numberDecimal': return new Decimal128(inner);
            case '$binary': return new Binary(Buffer().from(inner.base64, 'base64'), parseInt(inner.subType, 16));
            case '$regularExpression':
                return new RegExp(inner.pattern, Array.from(inner.options).map((f) => JS_FLAGS[f] || '').join(''));
            case '$symbol': return inner;
            case '$undefined': return null;
            default: return NOT_SPECIAL;
        }
    }

    // --- plumbing: callback or Promise; every call goes to the host on the execution's loop ---
    function lastCallback(args) {
        const last = args.length > 0 ? args[args.length - 1] : undefined;
        return typeof last === 'function' ? last : undefined;
    }
    function api(args, start) {
        const callback = lastCallback(args);
        if (callback) {
            start(callback);
            return undefined;
        }
        return new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
    }
    /** The options argument: an object that is not the callback. */
    function optionsOf(value) {
        return value !== null && typeof value === 'object' ? value : {};
    }
    function defaultDatabase(url) {
        const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(url);
        return match && match[1] ? decodeURIComponent(match[1]) : 'test';
    }

    // --- MongoClient ---
    function MongoClient(url, options) {
        if (!(this instanceof MongoClient)) {
            return new MongoClient(url, options);
        }
        if (typeof url !== 'string') {
            throw new MongoParseError('Invalid connection string');
        }
        this.s = {url, options: optionsOf(options), dbName: defaultDatabase(url)};
        Object.defineProperty(this, '__state', {value: {id: null, waiting: null, closed: false}});
    }
    MongoClient.connect = function (url, options) {
        const client = new MongoClient(url, options);
        return api(arguments, (done) => ensureConnected(client, (error) => done(error || null, error ? undefined
            : client)));
    };
    MongoClient.prototype.connect = function () {
        const client = this;
        client.__state.closed = false;
        return api(arguments, (done) => ensureConnected(client, (error) => done(error || null, error ? undefined
            : client)));
    };
    MongoClient.prototype.db = function (name) {
        return new Db(this, name === undefined || name === null || name === '' ? this.s.dbName : String(name));
    };
    MongoClient.prototype.isConnected = function () {
        return this.__state.id !== null;
    };
    MongoClient.prototype.close = function () {
        const state = this.__state;
        return api(arguments, (done) => {
            const id = state.id;
            state.id = null;
            state.closed = true;
            if (id === null) {
                defer(() => done(null));
                return;
            }
            host.close(id, (error) => done(error ? toError(error) : null));
        });
    };
    MongoClient.prototype.on = function () { return this; };
    MongoClient.prototype.once = MongoClient.prototype.on;

    function ensureConnected(client, done) {
        const state = client.__state;
        if (state.id !== null) {
            defer(() => done(null, state.id));
            return;
        }
        if (state.waiting) {
            state.waiting.push(done);
            return;
        }
        state.waiting = [done];
        const finish = (error, id) => {
            const waiting = state.waiting;
            state.waiting = null;
            waiting.forEach((fn) => fn(error, id));
        };
        try {
            host.connect(client.s.url, (error, result) => {
                if (error) {
                    finish(toError(error, 'selection'));
                    return;
                }
                state.id = JSON.parse(result).id;
                finish(null, state.id);
            });
        } catch (error) {
            defer(() => finish(error));
        }
    }
    /** Runs one request; v4+ clients connect on first use, v3 ones must be connected. */
    function execute(client, request, done) {
        const state = client.__state;
        if (state.id === null && (LEGACY || state.closed) && !state.waiting) {
            const message = LEGACY ? 'topology was destroyed' : 'Client must be connected before running operations';
            defer(() => done(new (LEGACY ? MongoError : MongoNotConnectedError)(message)));
            return;
        }
        let json;
        try {
            json = JSON.stringify(toEjson(request, 0));
        } catch (error) {
            defer(() => done(error));
            return;
        }
        ensureConnected(client, (error, id) => {
            if (error) {
                done(error);
                return;
            }
            host.run(id, json, (failure, result) => {
                if (failure) {
                    done(toError(failure));
                    return;
                }
                done(null, fromEjson(JSON.parse(result)));
            });
        });
    }

    // --- Db ---
    function Db(client, name) {
        this.s = {client, name};
        this.databaseName = name;
    }
    Db.prototype.collection = function (name, options) {
        const collection = new Collection(this, String(name));
        const callback = lastCallback(arguments);
        if (callback) {
            callback(null, collection);
        }
        return collection;
    };
    Db.prototype.command = function (command) {
        const db = this;
        return api(arguments, (done) => execute(db.s.client, {op: 'command', db: db.databaseName, command},
            (error, out) => done(error, out && out.reply)));
    };

    // --- Collection ---
    function Collection(db, name) {
        this.s = {db, name};
        this.collectionName = name;
        this.namespace = db.databaseName + '.' + name;
        this.dbName = db.databaseName;
    }
    /** Drops the options a call left undefined (in documents, undefined is null, as in the npm driver). */
    function compact(fields) {
        const out = {};
        for (const key of Object.keys(fields)) {
            if (fields[key] !== undefined) out[key] = fields[key];
        }
        return out;
    }
    function request(collection, op, fields) {
        return Object.assign({op, db: collection.s.db.databaseName, collection: collection.s.name}, compact(fields));
    }
    function run(collection, op, fields, done, shape) {
        execute(collection.s.db.s.client, request(collection, op, fields), (error, out) => {
            if (error) {
                done(error);
                return;
            }
            let value;
            try {
                value = shape(out);
            } catch (e) {
                done(e);
                return;
            }
            done(null, value);
        });
    }
    function filterOf(filter) {
        if (filter === undefined || filter === null) return {};
        if (isObjectId(filter)) return {_id: filter};
        return filter;
    }
    function direction(value) {
        if (value === 'asc' || value === 'ascending') return 1;
        if (value === 'desc' || value === 'descending') return -1;
        return value;
    }
    function sortOf(sort, dir) {
        if (sort === undefined || sort === null) return undefined;
        if (typeof sort === 'string') return {[sort]: direction(dir === undefined ? 1 : dir)};
        const out = {};
        if (Array.isArray(sort)) {
            if (sort.length === 2 && typeof sort[0] === 'string' && !Array.isArray(sort[1])
                && typeof sort[1] !== 'string' || (sort.length === 2 && /^(asc|desc)/.test(sort[1]))) {
                return {[sort[0]]: direction(sort[1])};
            }
            for (const item of sort) {
                if (Array.isArray(item)) out[item[0]] = direction(item[1]);
                else out[item] = 1;
            }
            return out;
        }
        for (const key of Object.keys(sort)) out[key] = direction(sort[key]);
        return out;
    }
    function keysOf(spec) {
        if (typeof spec === 'string') return {[spec]: 1};
        return sortOf(spec) || {};
    }
    const hasOperators = (doc) => Array.isArray(doc)
        || (doc !== null && typeof doc === 'object' && Object.keys(doc).some((k) => k.charAt(0) === '$'));

    Collection.prototype.find = function (filter, options) {
        return new Cursor(this, 'find', {filter: filterOf(filter), options: optionsOf(options)});
    };
    Collection.prototype.aggregate = function (pipeline, options) {
        const cursor = new Cursor(this, 'aggregate', {pipeline: pipeline || [], options: optionsOf(options)});
        const callback = lastCallback(arguments);
        if (callback) {
            callback(null, cursor);
            return undefined;
        }
        return cursor;
    };
    Collection.prototype.findOne = function (filter, options) {
        const collection = this;
        const opts = optionsOf(typeof filter === 'function' ? undefined : options);
        return api(arguments, (done) => run(collection, 'find', {filter: filterOf(typeof filter === 'function'
            ? {} : filter), projection: opts.projection || opts.fields, sort: sortOf(opts.sort),
        skip: opts.skip, limit: 1}, done, (out) => (out.docs.length > 0 ? out.docs[0] : null)));
    };
    function prepareInsert(docs, options) {
        if (!Array.isArray(docs)) throw argumentError('docs parameter must be an array of documents');
        for (const doc of docs) {
            if (doc === null || typeof doc !== 'object') throw argumentError('document must be an object');
            if (doc._id === undefined && !optionsOf(options).forceServerObjectId) doc._id = new ObjectId();
        }
    }
    function insertIds(docs) {
        const ids = {};
        docs.forEach((doc, index) => { ids[index] = doc._id; });
        return ids;
    }
    function insertManyShape(docs) {
        return LEGACY ? {result: {ok: 1, n: docs.length}, ops: docs, insertedCount: docs.length,
            insertedIds: insertIds(docs)} : {acknowledged: true, insertedCount: docs.length, insertedIds: insertIds(docs)};
    }
    Collection.prototype.insertOne = function (doc, options) {
        const collection = this;
        return api(arguments, (done) => {
            try {
                prepareInsert([doc], options);
            } catch (error) {
                defer(() => done(error));
                return;
            }
            run(collection, 'insert', {docs: [doc], one: true}, done, () => (LEGACY
                ? {insertedCount: 1, ops: [doc], insertedId: doc._id, result: {ok: 1, n: 1}}
                : {acknowledged: true, insertedId: doc._id}));
        });
    };
    function insertMany(collection, args, docs, options) {
        return api(args, (done) => {
            try {
                prepareInsert(docs, options);
            } catch (error) {
                defer(() => done(error));
                return;
            }
            run(collection, 'insert', {docs, ordered: optionsOf(options).ordered !== false}, done,
                () => insertManyShape(docs));
        });
    }
    Collection.prototype.insertMany = function (docs, options) {
        return insertMany(this, arguments, docs, options);
    };
    Collection.prototype.insert = function (docs, options) {
        return insertMany(this, arguments, Array.isArray(docs) ? docs : [docs], options);
    };

    function updateShape(out, extra) {
        const upserted = out.upsertedId !== null && out.upsertedId !== undefined;
        if (!LEGACY) {
            return {acknowledged: true, matchedCount: out.matched, modifiedCount: out.modified,
                upsertedId: upserted ? out.upsertedId : null, upsertedCount: upserted ? 1 : 0};
        }
        const result = {n: out.matched + (upserted ? 1 : 0), nModified: out.modified, ok: 1};
        if (upserted) result.upserted = [{index: 0, _id: out.upsertedId}];
        return Object.assign({result, matchedCount: upserted ? 0 : out.matched, modifiedCount: out.modified,
            upsertedId: upserted ? {index: 0, _id: out.upsertedId} : null, upsertedCount: upserted ? 1 : 0}, extra);
    }
    function update(collection, args, filter, change, options, mode) {
        const opts = optionsOf(options);
        return api(args, (done) => {
            const replace = mode === 'replace' || (mode === 'legacy' && !hasOperators(change));
            if (change === null || typeof change !== 'object' || (!replace && !hasOperators(change))) {
                defer(() => done(argumentError('Update document requires atomic operators')));
                return;
            }
            if (mode === 'replace' && hasOperators(change)) {
                defer(() => done(argumentError('Replacement document must not contain atomic operators')));
                return;
            }
            run(collection, 'update', {filter: filterOf(filter), update: change, upsert: Boolean(opts.upsert),
                multi: mode === 'many' || (mode === 'legacy' && Boolean(opts.multi) && !replace), replace,
                arrayFilters: opts.arrayFilters}, done,
            (out) => updateShape(out, replace && LEGACY ? {ops: [change]} : {}));
        });
    }
    Collection.prototype.updateOne = function (filter, change, options) {
        return update(this, arguments, filter, change, options, 'one');
    };
    Collection.prototype.updateMany = function (filter, change, options) {
        return update(this, arguments, filter, change, options, 'many');
    };
    Collection.prototype.update = function (filter, change, options) {
        return update(this, arguments, filter, change, options, 'legacy');
    };
    Collection.prototype.replaceOne = function (filter, doc, options) {
        return update(this, arguments, filter, doc, options, 'replace');
    };

    function remove(collection, args, filter, multi) {
        return api(args, (done) => run(collection, 'delete', {filter: filterOf(filter), multi}, done,
            (out) => (LEGACY ? {result: {n: out.deleted, ok: 1}, deletedCount: out.deleted}
                : {acknowledged: true, deletedCount: out.deleted})));
    }
    Collection.prototype.deleteOne = function (filter) {
        return remove(this, arguments, filter, false);
    };
    Collection.prototype.deleteMany = function (filter) {
        return remove(this, arguments, filter, true);
    };
    Collection.prototype.remove = function (filter, options) {
        const opts = optionsOf(options);
        return remove(this, arguments, filter, !(opts.single || opts.justOne));
    };

    function count(collection, args, filter, options) {
        const opts = optionsOf(options);
        return api(args, (done) => run(collection, 'count', {filter: filterOf(typeof filter === 'function'
            ? {} : filter), skip: opts.skip, limit: opts.limit}, done, (out) => out.n));
    }
    Collection.prototype.countDocuments = function (filter, options) {
        return count(this, arguments, filter, options);
    };
    Collection.prototype.count = Collection.prototype.countDocuments;
    Collection.prototype.estimatedDocumentCount = function () {
        return count(this, arguments, {}, {});
    };

    /** findAndModify; v6 answers the document itself unless includeResultMetadata, v3-v5 `{value, ok, ...}`. */
    function findAndModify(collection, args, filter, options, command) {
        const opts = optionsOf(options);
        const after = opts.returnDocument !== undefined ? opts.returnDocument === 'after'
            : opts.returnOriginal === false || opts.new === true;
        return api(args, (done) => run(collection, 'findAndModify', {command: compact(Object.assign({query: filterOf(filter),
            sort: sortOf(opts.sort), fields: opts.projection || opts.fields, new: after && !command.remove,
            upsert: Boolean(opts.upsert) && !command.remove, arrayFilters: opts.arrayFilters}, command))}, done,
        (out) => {
            const reply = out.reply;
            const value = reply.value === undefined ? null : reply.value;
            if (MAJOR >= 6 && !opts.includeResultMetadata) return value;
            return {lastErrorObject: reply.lastErrorObject, value, ok: reply.ok};
        }));
    }
    Collection.prototype.findOneAndUpdate = function (filter, change, options) {
        if (!hasOperators(change)) {
            return api(arguments, (done) => defer(() => done(argumentError('Update document requires atomic '
                + 'operators'))));
        }
        return findAndModify(this, arguments, filter, options, {update: change});
    };
    Collection.prototype.findOneAndReplace = function (filter, doc, options) {
        return findAndModify(this, arguments, filter, options, {update: doc});
    };
    Collection.prototype.findOneAndDelete = function (filter, options) {
        return findAndModify(this, arguments, filter, options, {remove: true});
    };

    Collection.prototype.createIndex = function (keys, options) {
        const collection = this;
        const opts = optionsOf(options);
        return api(arguments, (done) => run(collection, 'createIndex', {keys: keysOf(keys), options: opts}, done,
            (out) => out.name));
    };
    Collection.prototype.ensureIndex = Collection.prototype.createIndex;
    Collection.prototype.drop = function () {
        const collection = this;
        return api(arguments, (done) => run(collection, 'drop', {}, done, () => true));
    };

    // --- Cursor: the query runs on first read and the documents are kept (at most the policy's responseBytes) ---
    function Cursor(collection, op, spec) {
        this.s = {collection, op, spec, projection: spec.options.projection || spec.options.fields,
            sort: sortOf(spec.options.sort), limit: spec.options.limit, skip: spec.options.skip, docs: null,
            map: null};
    }
    Cursor.prototype.project = function (projection) { this.s.projection = projection; return this; };
    Cursor.prototype.sort = function (sort, dir) { this.s.sort = sortOf(sort, dir); return this; };
    Cursor.prototype.limit = function (n) { this.s.limit = n; return this; };
    Cursor.prototype.skip = function (n) { this.s.skip = n; return this; };
    Cursor.prototype.batchSize = function () { return this; };
    Cursor.prototype.maxTimeMS = function (ms) { this.s.maxTimeMS = ms; return this; };
    Cursor.prototype.map = function (fn) {
        const previous = this.s.map;
        this.s.map = previous ? (doc) => fn(previous(doc)) : fn;
        return this;
    };
    function load(cursor, done) {
        const s = cursor.s;
        if (s.docs !== null) {
            defer(() => done(null, s.docs));
            return;
        }
        const fields = s.op === 'aggregate' ? {pipeline: s.spec.pipeline}
            : {filter: s.spec.filter, projection: s.projection, sort: s.sort, limit: s.limit, skip: s.skip,
                maxTimeMS: s.maxTimeMS};
        run(s.collection, s.op, fields, (error, docs) => {
            if (!error) s.docs = docs;
            done(error, docs);
        }, (out) => (s.map ? out.docs.map(s.map) : out.docs));
    }
    Cursor.prototype.toArray = function () {
        const cursor = this;
        return api(arguments, (done) => load(cursor, (error, docs) => {
            if (error) {
                done(error);
                return;
            }
            const rest = docs.splice(0, docs.length);
            done(null, rest);
        }));
    };
    Cursor.prototype.next = function () {
        const cursor = this;
        return api(arguments, (done) => load(cursor, (error, docs) => done(error, error ? undefined
            : docs.length > 0 ? docs.shift() : null)));
    };
    Cursor.prototype.hasNext = function () {
        const cursor = this;
        return api(arguments, (done) => load(cursor, (error, docs) => done(error, !error && docs.length > 0)));
    };
    Cursor.prototype.forEach = function (iterator) {
        const cursor = this;
        const args = Array.prototype.slice.call(arguments, 1);
        return api(args, (done) => load(cursor, (error, docs) => {
            if (error) {
                done(error);
                return;
            }
            while (docs.length > 0) {
                if (iterator(docs.shift()) === false) break;
            }
            done(null);
        }));
    };
    Cursor.prototype.count = function () {
        const s = this.s;
        return count(s.collection, arguments, s.spec.filter, {});
    };
    Cursor.prototype.close = function () {
        this.s.docs = [];
        return api(arguments, (done) => defer(() => done(null)));
    };
    Cursor.prototype[Symbol.asyncIterator] = function () {
        const cursor = this;
        return {next: () => cursor.next().then((doc) => (doc === null ? {done: true, value: undefined}
            : {done: false, value: doc}))};
    };

    Object.assign(exports, {MongoClient, Db, Collection, ObjectId, ObjectID: ObjectId, Long, Decimal128, Binary,
        Int32, Double, MongoError, ReturnDocument: {BEFORE: 'before', AFTER: 'after'}}, errorClasses);
    exports.default = exports;
})
