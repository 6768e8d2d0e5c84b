// npm `pg` (node-postgres 8, plus the legacy `pg.connect` of 6.x) over pgjdbc. Values are prepared here exactly as
// node-postgres's utils.prepareValue does and go to the host as text (the server infers their types), null or bytes;
// `$n` placeholders are rewritten on the host. Rows come back as the server's text and are parsed here as pg-types
// does by default. See docs/modules.md (## pg) for what is supported.
(function (module, exports, require, host, lib) {
    'use strict';

    const jsonStringify = JSON.stringify;
    const jsonParse = JSON.parse;
    const defer = typeof setImmediate === 'function' ? setImmediate : (fn) => Promise.resolve().then(fn);

    let bufferClass;
    function BufferClass() {
        if (bufferClass === undefined) {
            bufferClass = require('buffer').Buffer;
        }
        return bufferClass;
    }

    // ---------------------------------------------------------------- a small EventEmitter
    class Emitter {
        constructor() {
            this._events = {};
        }
        on(event, listener) {
            (this._events[event] = this._events[event] || []).push(listener);
            return this;
        }
        addListener(event, listener) {
            return this.on(event, listener);
        }
        once(event, listener) {
            const wrapper = (...args) => {
                this.removeListener(event, wrapper);
                listener.apply(this, args);
            };
            return this.on(event, wrapper);
        }
        removeListener(event, listener) {
            const list = this._events[event];
            const index = list ? list.indexOf(listener) : -1;
            if (index >= 0) {
                list.splice(index, 1);
            }
            return this;
        }
        off(event, listener) {
            return this.removeListener(event, listener);
        }
        removeAllListeners(event) {
            if (event === undefined) {
                this._events = {};
            } else {
                delete this._events[event];
            }
            return this;
        }
        listenerCount(event) {
            return (this._events[event] || []).length;
        }
        emit(event, ...args) {
            const list = this._events[event];
            if (!list || list.length === 0) {
                if (event === 'error') {
                    throw args[0];
                }
                return false;
            }
            for (const listener of list.slice()) {
                listener.apply(this, args);
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- pg-types (text format, the defaults of pg 8)
    function parseBool(value) {
        return value === 'TRUE' || value === 't' || value === 'true' || value === 'y' || value === 'yes' ||
            value === 'on' || value === '1';
    }
    function parseInteger(value) {
        return parseInt(value, 10);
    }
    function parseBigInteger(value) {
        return String(value);
    }

    // postgres-date
    const DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/;
    const DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/;
    const TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/;
    const INFINITY = /^-?infinity$/;
    function bcYear(year, isBC) {
        return isBC ? -(year - 1) : year;
    }
    function is0To99(year) {
        return year >= 0 && year < 100;
    }
    function dateOnly(text) {
        const m = DATE.exec(text);
        if (!m) {
            return null;
        }
        const year = bcYear(parseInt(m[1], 10), Boolean(m[4]));
        const date = new Date(year, parseInt(m[2], 10) - 1, parseInt(m[3], 10));
        if (is0To99(year)) {
            date.setFullYear(year);
        }
        return date;
    }
    function timeZoneOffset(text) {
        if (text.endsWith('+00')) {
            return 0;
        }
        const zone = TIME_ZONE.exec(text.split(' ')[1]);
        if (!zone) {
            return null;
        }
        if (zone[1] === 'Z') {
            return 0;
        }
        const sign = zone[1] === '-' ? -1 : 1;
        const seconds = parseInt(zone[2], 10) * 3600 + parseInt(zone[3] || 0, 10) * 60 + parseInt(zone[4] || 0, 10);
        return seconds * sign * 1000;
    }
    function parseDate(text) {
        if (INFINITY.test(text)) {
            return Number(text.replace('i', 'I'));
        }
        const m = DATE_TIME.exec(text);
        if (!m) {
            return dateOnly(text);
        }
        const year = bcYear(parseInt(m[1], 10), Boolean(m[8]));
        const parts = [year, parseInt(m[2], 10) - 1, parseInt(m[3], 10), parseInt(m[4], 10), parseInt(m[5], 10),
            parseInt(m[6], 10), m[7] ? 1000 * parseFloat(m[7]) : 0];
        const offset = timeZoneOffset(text);
        let date;
        if (offset !== null && offset !== undefined) {
            date = new Date(Date.UTC(...parts));
            if (is0To99(year)) {
                date.setUTCFullYear(year);
            }
            if (offset !== 0) {
                date.setTime(date.getTime() - offset);
            }
        } else {
            date = new Date(...parts);
            if (is0To99(year)) {
                date.setFullYear(year);
            }
        }
        return date;
    }

    function parseByteA(text) {
        const B = BufferClass();
        if (/^\\x/.test(text)) {
            return B.from(text.slice(2), 'hex');
        }
        const bytes = [];
        for (let i = 0; i < text.length; i++) {
            if (text[i] !== '\\') {
                bytes.push(text.charCodeAt(i));
            } else if (text[i + 1] === '\\') {
                bytes.push(92);
                i++;
            } else {
                bytes.push(parseInt(text.substr(i + 1, 3), 8));
                i += 3;
            }
        }
        return B.from(bytes);
    }

    // postgres-array: `{a,"b c",NULL,{1,2}}`, optionally after a `[1:2]=` dimension prefix.
    function parseArray(text, transform) {
        let i = text[0] === '[' ? text.indexOf('=') + 1 : 0;
        function parseLevel() {
            const out = [];
            i++; // '{'
            let item = '';
            let quoted = false;
            let hadQuotes = false;
            const push = () => {
                if (!hadQuotes && item === 'NULL') {
                    out.push(null);
                } else {
                    out.push(transform ? transform(item) : item);
                }
                item = '';
                hadQuotes = false;
            };
            let pending = false;
            while (i < text.length) {
                const c = text[i];
                if (quoted) {
                    if (c === '\\') {
                        item += text[++i];
                    } else if (c === '"') {
                        quoted = false;
                    } else {
                        item += c;
                    }
                    i++;
                } else if (c === '"') {
                    quoted = true;
                    hadQuotes = true;
                    pending = true;
                    i++;
                } else if (c === '{') {
                    out.push(parseLevel());
                    pending = false;
                } else if (c === '}') {
                    if (pending) {
                        push();
                    }
                    i++;
                    return out;
                } else if (c === ',') {
                    if (pending) {
                        push();
                    }
                    pending = false;
                    i++;
                } else {
                    item += c;
                    pending = true;
                    i++;
                }
            }
            return out;
        }
        return parseLevel();
    }
    const arrayOf = (transform) => (text) => parseArray(text, transform);
    const parseJson = (text) => jsonParse(text);

    const builtinParsers = new Map([
        [20, parseBigInteger], [21, parseInteger], [23, parseInteger], [26, parseInteger],
        [700, parseFloat], [701, parseFloat], [16, parseBool],
        [1082, parseDate], [1114, parseDate], [1184, parseDate],
        [1000, arrayOf(parseBool)], [1001, arrayOf(parseByteA)], [1005, arrayOf(parseInteger)],
        [1007, arrayOf(parseInteger)], [1028, arrayOf(parseInteger)], [1016, arrayOf(parseBigInteger)],
        [1021, arrayOf(parseFloat)], [1022, arrayOf(parseFloat)], [1231, arrayOf(parseFloat)],
        [1014, arrayOf(null)], [1015, arrayOf(null)], [1008, arrayOf(null)], [1009, arrayOf(null)],
        [1040, arrayOf(null)], [1041, arrayOf(null)], [651, arrayOf(null)], [3907, arrayOf(null)],
        [2951, arrayOf(null)], [791, arrayOf(null)], [1183, arrayOf(null)], [1270, arrayOf(null)],
        [1115, arrayOf(parseDate)], [1182, arrayOf(parseDate)], [1185, arrayOf(parseDate)],
        [17, parseByteA], [114, parseJson], [3802, parseJson], [199, arrayOf(parseJson)], [3807, arrayOf(parseJson)],
    ]);
    const customParsers = new Map();
    const noParse = (value) => String(value);
    const types = {
        getTypeParser(oid, format) {
            if (format === 'binary') {
                return noParse;
            }
            return customParsers.get(Number(oid)) || builtinParsers.get(Number(oid)) || noParse;
        },
        setTypeParser(oid, format, parser) {
            customParsers.set(Number(oid), typeof format === 'function' ? format : parser);
        },
        builtins: {
            BOOL: 16, BYTEA: 17, CHAR: 18, INT8: 20, INT2: 21, INT4: 23, REGPROC: 24, TEXT: 25, OID: 26, TID: 27,
            XID: 28, CID: 29, JSON: 114, XML: 142, PG_NODE_TREE: 194, SMGR: 210, PATH: 602, POLYGON: 604, CIDR: 650,
            FLOAT4: 700, FLOAT8: 701, ABSTIME: 702, RELTIME: 703, TINTERVAL: 704, CIRCLE: 718, MACADDR8: 774,
            MONEY: 790, MACADDR: 829, INET: 869, ACLITEM: 1033, BPCHAR: 1042, VARCHAR: 1043, DATE: 1082, TIME: 1083,
            TIMESTAMP: 1114, TIMESTAMPTZ: 1184, INTERVAL: 1186, TIMETZ: 1266, BIT: 1560, VARBIT: 1562,
            NUMERIC: 1700, REFCURSOR: 1790, REGPROCEDURE: 2202, REGOPER: 2203, REGOPERATOR: 2204, REGCLASS: 2205,
            REGTYPE: 2206, UUID: 2950, TXID_SNAPSHOT: 2970, PG_LSN: 3220, PG_NDISTINCT: 3361,
            PG_DEPENDENCIES: 3402, TSVECTOR: 3614, TSQUERY: 3615, GTSVECTOR: 3642, REGCONFIG: 3734,
            REGDICTIONARY: 3769, JSONB: 3802, REGNAMESPACE: 4089, REGROLE: 4096,
        },
    };

    // ---------------------------------------------------------------- values (node-postgres utils.prepareValue)
    function pad(number, digits) {
        let text = String(number);
        while (text.length < digits) {
            text = '0' + text;
        }
        return text;
    }
    function dateToString(date) {
        let offset = -date.getTimezoneOffset();
        let year = date.getFullYear();
        const isBCYear = year < 1;
        if (isBCYear) {
            year = Math.abs(year) + 1;
        }
        let out = pad(year, 4) + '-' + pad(date.getMonth() + 1, 2) + '-' + pad(date.getDate(), 2) + 'T' +
            pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':' + pad(date.getSeconds(), 2) + '.' +
            pad(date.getMilliseconds(), 3);
        if (offset < 0) {
            out += '-';
            offset *= -1;
        } else {
            out += '+';
        }
        out += pad(Math.floor(offset / 60), 2) + ':' + pad(offset % 60, 2);
        return isBCYear ? out + ' BC' : out;
    }
    function escapeElement(text) {
        return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
    }
    function arrayString(values) {
        let out = '{';
        for (let i = 0; i < values.length; i++) {
            if (i > 0) {
                out += ',';
            }
            const item = values[i];
            if (item === null || item === undefined) {
                out += 'NULL';
            } else if (Array.isArray(item)) {
                out += arrayString(item);
            } else if (ArrayBuffer.isView(item)) {
                out += '\\\\x' + BufferClass().from(item.buffer, item.byteOffset, item.byteLength).toString('hex');
            } else {
                out += escapeElement(prepareValue(item));
            }
        }
        return out + '}';
    }
    function prepareValue(value, seen) {
        if (value === null || value === undefined) {
            return null;
        }
        if (typeof value === 'object') {
            const B = BufferClass();
            if (B.isBuffer(value)) {
                return value;
            }
            if (ArrayBuffer.isView(value)) {
                return B.from(value.buffer, value.byteOffset, value.byteLength);
            }
            if (value instanceof Date) {
                return dateToString(value);
            }
            if (Array.isArray(value)) {
                return arrayString(value);
            }
            if (typeof value.toPostgres === 'function') {
                seen = seen || [];
                if (seen.indexOf(value) !== -1) {
                    throw new Error('circular reference detected while preparing "' + value + '" for query');
                }
                seen.push(value);
                return prepareValue(value.toPostgres(prepareValue), seen);
            }
            return jsonStringify(value);
        }
        return value.toString();
    }
    // What the host binds: text (untyped), null, or bytes.
    function valuesJson(values) {
        if (values === undefined || values === null) {
            return null;
        }
        if (!Array.isArray(values)) {
            throw new TypeError('Query values must be an array');
        }
        return jsonStringify(values.map((value) => {
            const prepared = prepareValue(value);
            return BufferClass().isBuffer(prepared) ? {bytes: prepared.toString('base64')} : prepared;
        }));
    }

    // ---------------------------------------------------------------- configuration (pg ConnectionParameters)
    function parseConnectionString(text) {
        const match = /^(?:postgres(?:ql)?|socket|tcp):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]+\]|[^:/?#,]*)(?::(\d+))?(?:\/([^?#]*))?(?:\?([^#]*))?/
            .exec(String(text));
        if (!match) {
            throw new TypeError('Invalid connection string');
        }
        const options = {};
        const set = (key, value) => {
            if (value !== undefined && value !== '') {
                options[key] = value;
            }
        };
        set('user', match[1] !== undefined ? decodeURIComponent(match[1]) : undefined);
        set('password', match[2] !== undefined ? decodeURIComponent(match[2]) : undefined);
        set('host', match[3] ? decodeURIComponent(match[3]).replace(/^\[|\]$/g, '') : undefined);
        set('port', match[4]);
        set('database', match[5] ? decodeURIComponent(match[5]) : undefined);
        for (const pair of (match[6] || '').split('&').filter(Boolean)) {
            const eq = pair.indexOf('=');
            const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
            options[key] = decodeURIComponent(eq < 0 ? '' : pair.slice(eq + 1).replace(/\+/g, ' '));
        }
        if (options.ssl === 'true' || options.ssl === '1') {
            options.ssl = true;
        } else if (options.ssl === 'false' || options.ssl === '0') {
            options.ssl = false;
        }
        if (options.sslmode !== undefined) {
            options.ssl = options.sslmode !== 'disable';
        }
        return options;
    }

    const defaults = {
        host: 'localhost', user: 'postgres', database: undefined, password: null, port: 5432, max: 10,
        idleTimeoutMillis: 10000, connectionTimeoutMillis: 0, ssl: false, parseInputDatesAsUTC: false,
    };

    function ConnectionParameters(config) {
        config = typeof config === 'string' ? {connectionString: config} : Object.assign({}, config || {});
        if (config.connectionString) {
            config = Object.assign({}, config, parseConnectionString(config.connectionString));
        }
        this.user = config.user !== undefined ? config.user : defaults.user;
        this.database = config.database !== undefined ? config.database : (defaults.database || this.user);
        this.port = parseInt(config.port !== undefined ? config.port : defaults.port, 10);
        this.host = config.host !== undefined ? config.host : defaults.host;
        this.password = config.password !== undefined ? config.password : defaults.password;
        this.ssl = config.ssl !== undefined ? config.ssl : defaults.ssl;
        this.connectionTimeoutMillis = Number(config.connectionTimeoutMillis || defaults.connectionTimeoutMillis);
        this.statement_timeout = config.statement_timeout;
        this.query_timeout = config.query_timeout;
        this.options = config.options;
        if (typeof this.host === 'string' && this.host.startsWith('/')) {
            throw notSupported('Unix socket hosts are not supported; use a host name and port');
        }
    }
    // What the host needs to open a connection; the password goes nowhere else.
    ConnectionParameters.prototype.hostJson = function hostJson(extra) {
        const timeouts = [this.statement_timeout, this.query_timeout].map(Number).filter((t) => t > 0);
        return jsonStringify(Object.assign({
            host: String(this.host),
            port: this.port,
            user: String(this.user),
            password: this.password === null || this.password === undefined ? '' : String(this.password),
            database: String(this.database),
            ssl: Boolean(this.ssl),
            connectionTimeoutMillis: this.connectionTimeoutMillis,
            statementTimeout: timeouts.length > 0 ? Math.min(...timeouts) : 0,
            options: this.options === undefined || this.options === null ? '' : String(this.options),
        }, extra || {}));
    };

    function notSupported(message) {
        const error = new Error(message);
        error.code = 'ERR_NOT_SUPPORTED';
        return error;
    }

    // node-postgres's DatabaseError: a plain Error whose `name` is 'error', with the server's fields.
    class DatabaseError extends Error {
    }
    function hostError(json) {
        const error = lib.error(json);
        if (error.name === 'error') {
            Object.setPrototypeOf(error, DatabaseError.prototype);
        }
        return error;
    }

    // ---------------------------------------------------------------- queries and results
    class Result {
        constructor(description, rowMode, typesOverride) {
            this.command = description.command || null;
            this.rowCount = description.rowCount === undefined ? null : description.rowCount;
            this.oid = description.oid === undefined ? null : description.oid;
            this.rows = [];
            this.fields = description.fields.map((field) => ({name: field.name, dataTypeID: field.dataTypeID,
                format: field.format}));
            this.rowAsArray = rowMode === 'array';
            const source = typesOverride && typeof typesOverride.getTypeParser === 'function' ? typesOverride : types;
            const parsers = this.fields.map((field) => source.getTypeParser(field.dataTypeID, 'text'));
            for (const raw of description.rows) {
                const row = this.rowAsArray ? [] : {};
                for (let i = 0; i < raw.length; i++) {
                    const value = raw[i] === null ? null : parsers[i](raw[i]);
                    if (this.rowAsArray) {
                        row.push(value);
                    } else {
                        row[this.fields[i].name] = value;
                    }
                }
                this.rows.push(row);
            }
        }
    }

    // (text, values, cb) | ({text, values, rowMode, types}, values?, cb?) | (text, cb)
    function normalizeQuery(config, values, callback) {
        if (config === null || config === undefined) {
            throw new TypeError('Client was passed a null or undefined query');
        }
        let query = typeof config === 'object' ? Object.assign({}, config) : {text: config};
        if (typeof config === 'object' && typeof config.submit === 'function') {
            throw notSupported('Submittable queries (pg-cursor, pg-query-stream) are not supported');
        }
        if (typeof values === 'function') {
            query.callback = values;
        } else {
            if (values !== undefined) {
                query.values = values;
            }
            if (typeof callback === 'function') {
                query.callback = callback;
            } else if (typeof query.callback !== 'function') {
                query.callback = undefined;
            }
        }
        query.text = query.text === undefined ? undefined : String(query.text);
        return query;
    }

    // Runs `query` through `send(text, valuesJson, done)`; answers by callback or by a Promise, as node-postgres does.
    function dispatch(query, send) {
        let resolveIt;
        let rejectIt;
        const promise = query.callback ? undefined : new Promise((resolve, reject) => {
            resolveIt = resolve;
            rejectIt = reject;
        });
        const finish = (error, result) => {
            if (query.callback) {
                query.callback(error, result);
            } else if (error) {
                rejectIt(error);
            } else {
                resolveIt(result);
            }
        };
        let json;
        try {
            if (typeof query.text !== 'string') {
                throw new TypeError('Client was passed a null or undefined query');
            }
            json = query.values && query.values.length > 0 ? valuesJson(query.values) : null;
        } catch (error) {
            defer(() => finish(error));
            return promise;
        }
        send(query.text, json, (errorJson, resultJson) => {
            if (errorJson !== null && errorJson !== undefined) {
                finish(hostError(errorJson));
                return;
            }
            let result;
            try {
                const description = jsonParse(resultJson);
                result = Array.isArray(description)
                    ? description.map((one) => new Result(one, query.rowMode, query.types))
                    : new Result(description, query.rowMode, query.types);
            } catch (error) {
                finish(error);
                return;
            }
            finish(null, result);
        });
        return promise;
    }

    function promiseOr(callback, run) {
        if (typeof callback === 'function') {
            run(callback);
            return undefined;
        }
        return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
    }

    // ---------------------------------------------------------------- Client
    class Client extends Emitter {
        constructor(config) {
            super();
            const params = new ConnectionParameters(config);
            this.connectionParameters = params;
            this.user = params.user;
            this.database = params.database;
            this.port = params.port;
            this.host = params.host;
            this.ssl = params.ssl;
            Object.defineProperty(this, 'password', {value: params.password, writable: true, enumerable: false});
            this._id = null;
            this._connecting = false;
            this._ended = false;
        }

        _session() {
            if (this._id === null) {
                this._id = host.open(this.connectionParameters.hostJson());
            }
            return this._id;
        }

        connect(callback) {
            return promiseOr(callback, (done) => {
                if (this._connecting) {
                    const error = new Error('Client has already been connected. You cannot reuse a client.');
                    defer(() => done(error));
                    return;
                }
                this._connecting = true;
                host.connect(this._session(), (errorJson) => {
                    if (errorJson !== null && errorJson !== undefined) {
                        const error = hostError(errorJson);
                        done(error);
                        return;
                    }
                    this.emit('connect');
                    done(null);
                });
            });
        }

        query(config, values, callback) {
            const query = normalizeQuery(config, values, callback);
            if (this._ended) {
                const error = new Error('Client was closed and is not queryable');
                return dispatch(query, (text, json, done) => defer(() => done(jsonStringify({message: error.message}))));
            }
            return dispatch(query, (text, json, done) => host.query(this._session(), text, json, done));
        }

        end(callback) {
            return promiseOr(callback, (done) => {
                if (this._ended || this._id === null) {
                    this._ended = true;
                    defer(() => done(null));
                    return;
                }
                this._ended = true;
                host.end(this._id, () => {
                    this.emit('end');
                    done(null);
                });
            });
        }

        escapeIdentifier(text) {
            return '"' + String(text).replace(/"/g, '""') + '"';
        }

        escapeLiteral(text) {
            let hasBackslash = false;
            let escaped = '\'';
            for (const c of String(text)) {
                if (c === '\'') {
                    escaped += c + c;
                } else if (c === '\\') {
                    escaped += c + c;
                    hasBackslash = true;
                } else {
                    escaped += c;
                }
            }
            escaped += '\'';
            return hasBackslash ? ' E' + escaped : escaped;
        }
    }

    // A client leased from a Pool: `release(err?)` gives it back (or, with an error, destroys it).
    class PoolClient extends Client {
        constructor(pool, id) {
            super(pool.options);
            this._id = id;
            this._connecting = true;
            this._pool = pool;
            this._released = false;
        }

        release(error) {
            if (this._released) {
                throw new Error('Release called on client which has already been released to the pool.');
            }
            this._released = true;
            this._ended = true;
            host.release(this._id, Boolean(error));
            this._pool.emit('release', error, this);
        }

        end(callback) {
            return promiseOr(callback, (done) => {
                if (!this._released) {
                    this._released = true;
                    this._ended = true;
                    host.release(this._id, true);
                }
                defer(() => done(null));
            });
        }
    }

    // ---------------------------------------------------------------- Pool
    class Pool extends Emitter {
        constructor(options) {
            super();
            this.options = Object.assign({}, typeof options === 'string' ? {connectionString: options} : options);
            const params = new ConnectionParameters(this.options);
            this.options.max = this.options.max === undefined ? defaults.max : Number(this.options.max);
            this._id = host.poolOpen(params.hostJson({max: this.options.max}));
            this.ending = false;
            this.ended = false;
        }

        connect(callback) {
            if (typeof callback === 'function') {
                this._acquire((error, client) => {
                    if (error) {
                        callback(error, undefined, () => {});
                        return;
                    }
                    callback(null, client, (releaseError) => client.release(releaseError));
                });
                return undefined;
            }
            return new Promise((resolve, reject) => this._acquire((error, client) => (error ? reject(error)
                : resolve(client))));
        }

        _acquire(done) {
            if (this.ending) {
                const error = new Error('Cannot use a pool after calling end on the pool');
                defer(() => done(error));
                return;
            }
            host.poolAcquire(this._id, (errorJson, resultJson) => {
                if (errorJson !== null && errorJson !== undefined) {
                    done(hostError(errorJson));
                    return;
                }
                const client = new PoolClient(this, jsonParse(resultJson).id);
                this.emit('connect', client);
                this.emit('acquire', client);
                done(null, client);
            });
        }

        query(config, values, callback) {
            if (typeof config === 'function') {
                const error = new TypeError('Passing a function as the first parameter to pool.query is not supported');
                defer(() => config(error));
                return undefined;
            }
            const query = normalizeQuery(config, values, callback);
            if (this.ending) {
                const message = 'Cannot use a pool after calling end on the pool';
                return dispatch(query, (text, json, done) => defer(() => done(jsonStringify({message}))));
            }
            return dispatch(query, (text, json, done) => host.poolQuery(this._id, text, json, done));
        }

        end(callback) {
            return promiseOr(callback, (done) => {
                if (this.ending) {
                    const error = new Error('Called end on pool more than once');
                    defer(() => done(error));
                    return;
                }
                this.ending = true;
                host.poolEnd(this._id, () => {
                    this.ended = true;
                    this.emit('end');
                    done(null);
                });
            });
        }
    }

    // ---------------------------------------------------------------- legacy pg 6: pg.connect / pg.end
    const legacyPools = new Map();
    function legacyConnect(config, callback) {
        if (typeof config === 'function') {
            callback = config;
            config = {};
        }
        const key = typeof config === 'string' ? config : jsonStringify(config || {});
        let pool = legacyPools.get(key);
        if (!pool) {
            pool = new Pool(config);
            legacyPools.set(key, pool);
        }
        return pool.connect(callback);
    }
    function legacyEnd() {
        const pools = Array.from(legacyPools.values());
        legacyPools.clear();
        pools.forEach((pool) => pool.end());
    }

    exports.Client = Client;
    exports.Pool = Pool;
    exports.types = types;
    exports.defaults = defaults;
    exports.DatabaseError = DatabaseError;
    exports.connect = legacyConnect;
    exports.end = legacyEnd;
    exports.native = null;
    exports.escapeIdentifier = Client.prototype.escapeIdentifier;
    exports.escapeLiteral = Client.prototype.escapeLiteral;
});
