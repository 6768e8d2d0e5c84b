// npm `mysql` (mysqljs v2) over Connector/J. Values are escaped here, exactly as mysqljs's `sqlstring` does, and the
// final SQL text goes to the host; result sets come back as raw column text plus column definitions and are
// type-cast here as mysqljs's RowDataPacket.typeCast does. See docs/modules.md (## mysql) for what is supported.
(function (module, exports, require, host, lib) {
    'use strict';

    const jsonStringify = JSON.stringify;
    const jsonParse = JSON.parse;
    const defer = typeof setImmediate === 'function' ? setImmediate : (fn) => Promise.resolve().then(fn);

    // ---------------------------------------------------------------- sqlstring (mysqljs/sqlstring 2.3, verbatim)
    const ID_GLOBAL_REGEXP = /`/g;
    const QUAL_GLOBAL_REGEXP = /\./g;
    const CHARS_GLOBAL_REGEXP = /[\0\b\t\n\r\x1a"'\\]/g; // eslint-disable-line no-control-regex
    const CHARS_ESCAPE_MAP = {
        '\0': '\\0',
        '\b': '\\b',
        '\t': '\\t',
        '\n': '\\n',
        '\r': '\\r',
        '\x1a': '\\Z',
        '"': '\\"',
        '\'': '\\\'',
        '\\': '\\\\',
    };

    let bufferClass;
    function BufferClass() {
        if (bufferClass === undefined) {
            try {
                bufferClass = require('buffer').Buffer;
            } catch (e) {
                bufferClass = typeof Buffer === 'function' ? Buffer : null;
            }
        }
        return bufferClass;
    }
    function isBuffer(value) {
        const B = BufferClass();
        return B ? B.isBuffer(value) : value instanceof Uint8Array;
    }
    function bytesToHex(bytes) {
        let out = '';
        for (let i = 0; i < bytes.length; i++) {
            out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
        }
        return out;
    }
    function hexToBytes(hex) {
        const B = BufferClass();
        if (B) {
            return B.from(hex, 'hex');
        }
        const out = new Uint8Array(hex.length / 2);
        for (let i = 0; i < out.length; i++) {
            out[i] = parseInt(hex.substr(i * 2, 2), 16);
        }
        return out;
    }

    const SqlString = {};

    SqlString.escapeId = function escapeId(val, forbidQualified) {
        if (Array.isArray(val)) {
            let sql = '';
            for (let i = 0; i < val.length; i++) {
                sql += (i === 0 ? '' : ', ') + SqlString.escapeId(val[i], forbidQualified);
            }
            return sql;
        } else if (forbidQualified) {
            return '`' + String(val).replace(ID_GLOBAL_REGEXP, '``') + '`';
        } else {
            return '`' + String(val).replace(ID_GLOBAL_REGEXP, '``').replace(QUAL_GLOBAL_REGEXP, '`.`') + '`';
        }
    };

    SqlString.escape = function escape(val, stringifyObjects, timeZone) {
        if (val === undefined || val === null) {
            return 'NULL';
        }
        switch (typeof val) {
            case 'boolean': return (val) ? 'true' : 'false';
            case 'number': return val + '';
            case 'object':
                if (Object.prototype.toString.call(val) === '[object Date]') {
                    return SqlString.dateToString(val, timeZone || 'local');
                } else if (Array.isArray(val)) {
                    return SqlString.arrayToList(val, timeZone);
                } else if (isBuffer(val)) {
                    return SqlString.bufferToString(val);
                } else if (typeof val.toSqlString === 'function') {
                    return String(val.toSqlString());
                } else if (stringifyObjects) {
                    return escapeString(val.toString());
                } else {
                    return SqlString.objectToValues(val, timeZone);
                }
            default: return escapeString(val);
        }
    };

    SqlString.arrayToList = function arrayToList(array, timeZone) {
        let sql = '';
        for (let i = 0; i < array.length; i++) {
            const val = array[i];
            if (Array.isArray(val)) {
                sql += (i === 0 ? '' : ', ') + '(' + SqlString.arrayToList(val, timeZone) + ')';
            } else {
                sql += (i === 0 ? '' : ', ') + SqlString.escape(val, true, timeZone);
            }
        }
        return sql;
    };

    SqlString.format = function format(sql, values, stringifyObjects, timeZone) {
        if (values == null) {
            return sql;
        }
        if (!Array.isArray(values)) {
            values = [values];
        }
        let chunkIndex = 0;
        const placeholdersRegex = /\?+/g;
        let result = '';
        let valuesIndex = 0;
        let match;
        while (valuesIndex < values.length && (match = placeholdersRegex.exec(sql))) {
            const len = match[0].length;
            if (len > 2) {
                continue;
            }
            const value = len === 2
                ? SqlString.escapeId(values[valuesIndex])
                : SqlString.escape(values[valuesIndex], stringifyObjects, timeZone);
            result += sql.slice(chunkIndex, match.index) + value;
            chunkIndex = placeholdersRegex.lastIndex;
            valuesIndex++;
        }
        if (chunkIndex === 0) {
            return sql;
        }
        if (chunkIndex < sql.length) {
            return result + sql.slice(chunkIndex);
        }
        return result;
    };

    SqlString.dateToString = function dateToString(date, timeZone) {
        const dt = new Date(date);
        if (isNaN(dt.getTime())) {
            return 'NULL';
        }
        let year, month, day, hour, minute, second, millisecond;
        if (timeZone === 'local') {
            year = dt.getFullYear();
            month = dt.getMonth() + 1;
            day = dt.getDate();
            hour = dt.getHours();
            minute = dt.getMinutes();
            second = dt.getSeconds();
            millisecond = dt.getMilliseconds();
        } else {
            const tz = convertTimezone(timeZone);
            if (tz !== false && tz !== 0) {
                dt.setTime(dt.getTime() + (tz * 60000));
            }
            year = dt.getUTCFullYear();
            month = dt.getUTCMonth() + 1;
            day = dt.getUTCDate();
            hour = dt.getUTCHours();
            minute = dt.getUTCMinutes();
            second = dt.getUTCSeconds();
            millisecond = dt.getUTCMilliseconds();
        }
        const str = zeroPad(year, 4) + '-' + zeroPad(month, 2) + '-' + zeroPad(day, 2) + ' ' +
            zeroPad(hour, 2) + ':' + zeroPad(minute, 2) + ':' + zeroPad(second, 2) + '.' + zeroPad(millisecond, 3);
        return escapeString(str);
    };

    SqlString.bufferToString = function bufferToString(buffer) {
        return 'X' + escapeString(bytesToHex(buffer));
    };

    SqlString.objectToValues = function objectToValues(object, timeZone) {
        let sql = '';
        for (const key in object) {
            const val = object[key];
            if (typeof val === 'function') {
                continue;
            }
            sql += (sql.length === 0 ? '' : ', ') + SqlString.escapeId(key) + ' = ' + SqlString.escape(val, true, timeZone);
        }
        return sql;
    };

    SqlString.raw = function raw(sql) {
        if (typeof sql !== 'string') {
            throw new TypeError('argument sql must be a string');
        }
        return {toSqlString: function toSqlString() { return sql; }};
    };

    function escapeString(val) {
        let chunkIndex = CHARS_GLOBAL_REGEXP.lastIndex = 0;
        let escapedVal = '';
        let match;
        while ((match = CHARS_GLOBAL_REGEXP.exec(val))) {
            escapedVal += val.slice(chunkIndex, match.index) + CHARS_ESCAPE_MAP[match[0]];
            chunkIndex = CHARS_GLOBAL_REGEXP.lastIndex;
        }
        if (chunkIndex === 0) {
            return '\'' + val + '\'';
        }
        if (chunkIndex < val.length) {
            return '\'' + escapedVal + val.slice(chunkIndex) + '\'';
        }
        return '\'' + escapedVal + '\'';
    }

    function zeroPad(number, length) {
        number = number.toString();
        while (number.length < length) {
            number = '0' + number;
        }
        return number;
    }

    function convertTimezone(tz) {
        if (tz === 'Z') {
            return 0;
        }
        const m = tz.match(/([+\- ])(\d\d):?(\d\d)?/);
        if (m) {
            return (m[1] === '-' ? -1 : 1) * (parseInt(m[2], 10) + (m[3] ? parseInt(m[3], 10) : 0) / 60) * 60;
        }
        return false;
    }

    // ---------------------------------------------------------------- protocol constants (mysqljs lib/protocol)
    const Types = Object.freeze({
        DECIMAL: 0, TINY: 1, SHORT: 2, LONG: 3, FLOAT: 4, DOUBLE: 5, NULL: 6, TIMESTAMP: 7, LONGLONG: 8,
        INT24: 9, DATE: 10, TIME: 11, DATETIME: 12, YEAR: 13, NEWDATE: 14, VARCHAR: 15, BIT: 16,
        TIMESTAMP2: 17, DATETIME2: 18, TIME2: 19, JSON: 245, NEWDECIMAL: 246, ENUM: 247, SET: 248,
        TINY_BLOB: 249, MEDIUM_BLOB: 250, LONG_BLOB: 251, BLOB: 252, VAR_STRING: 253, STRING: 254, GEOMETRY: 255,
    });
    const TYPE_NAMES = {};
    for (const name of Object.keys(Types)) {
        TYPE_NAMES[Types[name]] = name;
    }
    const IEEE_754_BINARY_64_PRECISION = Math.pow(2, 53);

    // ---------------------------------------------------------------- a small EventEmitter
    function Emitter() {
        this._events = {};
    }
    Emitter.prototype.on = function on(event, listener) {
        (this._events[event] = this._events[event] || []).push(listener);
        return this;
    };
    Emitter.prototype.addListener = Emitter.prototype.on;
    Emitter.prototype.once = function once(event, listener) {
        const self = this;
        function wrapper(...args) {
            self.removeListener(event, wrapper);
            listener.apply(self, args);
        }
        return this.on(event, wrapper);
    };
    Emitter.prototype.removeListener = function removeListener(event, listener) {
        const list = this._events[event];
        if (list) {
            const index = list.indexOf(listener);
            if (index >= 0) {
                list.splice(index, 1);
            }
        }
        return this;
    };
    Emitter.prototype.off = Emitter.prototype.removeListener;
    Emitter.prototype.removeAllListeners = function removeAllListeners(event) {
        if (event === undefined) {
            this._events = {};
        } else {
            delete this._events[event];
        }
        return this;
    };
    Emitter.prototype.listenerCount = function listenerCount(event) {
        return (this._events[event] || []).length;
    };
    Emitter.prototype.emit = function emit(event, ...args) {
        const list = this._events[event];
        if (!list || list.length === 0) {
            return false;
        }
        for (const listener of list.slice()) {
            listener.apply(this, args);
        }
        return true;
    };
    function inherits(Child, Parent) {
        Child.prototype = Object.create(Parent.prototype, {
            constructor: {value: Child, writable: true, configurable: true},
        });
    }

    // ---------------------------------------------------------------- configuration (mysqljs ConnectionConfig)
    function parseUrl(url) {
        const match = /^mysql:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]+\]|[^:/?#]*)(?::(\d+))?(?:\/([^?#]*))?(?:\?([^#]*))?/
            .exec(String(url));
        if (!match) {
            throw new TypeError('Invalid MySQL connection URL');
        }
        const options = {
            host: match[3] ? decodeURIComponent(match[3]).replace(/^\[|\]$/g, '') : undefined,
            port: match[4] ? Number(match[4]) : undefined,
            database: match[5] ? decodeURIComponent(match[5]) : undefined,
            user: match[1] !== undefined ? decodeURIComponent(match[1]) : undefined,
            password: match[2] !== undefined ? decodeURIComponent(match[2]) : undefined,
        };
        if (match[6]) {
            for (const pair of match[6].split('&')) {
                const eq = pair.indexOf('=');
                const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
                const raw = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
                let value;
                try {
                    value = jsonParse(raw);
                } catch (e) {
                    value = raw;
                }
                options[key] = value;
            }
        }
        return options;
    }

    function ConnectionConfig(options) {
        if (typeof options === 'string') {
            options = parseUrl(options);
        }
        options = options || {};
        this.host = options.host || 'localhost';
        this.port = options.port || 3306;
        this.socketPath = options.socketPath;
        this.user = options.user || undefined;
        this.password = options.password || undefined;
        this.database = options.database;
        this.connectTimeout = options.connectTimeout === undefined ? 10 * 1000 : options.connectTimeout;
        this.timezone = options.timezone || 'local';
        this.stringifyObjects = options.stringifyObjects || false;
        this.supportBigNumbers = options.supportBigNumbers || false;
        this.bigNumberStrings = options.bigNumberStrings || false;
        this.dateStrings = options.dateStrings || false;
        this.typeCast = options.typeCast === undefined ? true : options.typeCast;
        this.multipleStatements = options.multipleStatements || false;
        this.ssl = (typeof options.ssl === 'string') ? {profile: options.ssl} : (options.ssl || false);
        this.charset = options.charset;
        this.flags = options.flags;
        if (this.socketPath) {
            throw notSupported('socketPath (a Unix socket) is not supported; use host and port');
        }
        if (this.multipleStatements) {
            throw notSupported('multipleStatements is not supported; send one statement per query');
        }
    }
    ConnectionConfig.parseUrl = parseUrl;
    // What the host needs to open a connection; the password goes nowhere else.
    ConnectionConfig.prototype.hostJson = function hostJson(extra) {
        const out = {
            host: String(this.host),
            port: Number(this.port),
            user: this.user === undefined ? '' : String(this.user),
            password: this.password === undefined ? '' : String(this.password),
            database: this.database === undefined || this.database === null ? '' : String(this.database),
            connectTimeout: Number(this.connectTimeout) || 10000,
            ssl: this.ssl ? {rejectUnauthorized: this.ssl.rejectUnauthorized !== false} : null,
        };
        return jsonStringify(Object.assign(out, extra || {}));
    };

    function PoolConfig(options) {
        if (typeof options === 'string') {
            options = parseUrl(options);
        }
        options = options || {};
        this.acquireTimeout = options.acquireTimeout === undefined ? 10 * 1000 : Number(options.acquireTimeout);
        this.connectionConfig = new ConnectionConfig(options);
        this.waitForConnections = options.waitForConnections === undefined ? true : Boolean(options.waitForConnections);
        this.connectionLimit = options.connectionLimit === undefined ? 10 : Number(options.connectionLimit);
        this.queueLimit = options.queueLimit === undefined ? 0 : Number(options.queueLimit);
    }

    function notSupported(message) {
        const error = new Error(message);
        error.code = 'ERR_NOT_SUPPORTED';
        return error;
    }

    function protocolError(code, message, fatal) {
        const error = new Error(message);
        error.code = code;
        error.fatal = Boolean(fatal);
        return error;
    }

    // ---------------------------------------------------------------- results (mysqljs RowDataPacket, OkPacket)
    function RowDataPacket() {
    }
    function OkPacket(ok) {
        this.fieldCount = 0;
        this.affectedRows = ok.affectedRows;
        this.insertId = ok.insertId;
        this.serverStatus = ok.serverStatus;
        this.warningCount = ok.warningCount;
        // mysqljs reads the info string with its length byte in front ("(Rows matched: ..."); scripts may match it.
        this.message = ok.info ? String.fromCharCode(ok.info.length) + ok.info : '';
        this.protocol41 = true;
        const m = (ok.info || '').match(/\s*Changed:\s*(\d+)/i);
        this.changedRows = m ? parseInt(m[1], 10) : 0;
    }
    function FieldPacket(field) {
        this.catalog = field.catalog;
        this.db = field.db;
        this.table = field.table;
        this.orgTable = field.orgTable;
        this.name = field.name;
        this.orgName = field.orgName;
        this.charsetNr = field.charsetNr;
        this.length = field.length;
        this.type = field.type;
        this.flags = field.flags;
        this.decimals = field.decimals;
        this.default = undefined;
        this.zeroFill = field.zeroFill;
        this.protocol41 = true;
    }

    function typeMatch(type, list) {
        if (Array.isArray(list)) {
            return list.indexOf(TYPE_NAMES[type]) !== -1;
        }
        return Boolean(list);
    }

    function parseDate(text, type, timeZone) {
        const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?$/.exec(text);
        if (!m || (m[1] === '0000' && m[2] === '00') || Number(m[2]) === 0 || Number(m[3]) === 0) {
            return null;
        }
        const parts = [Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] || 0), Number(m[5] || 0),
            Number(m[6] || 0), m[7] ? Number((m[7] + '00').slice(0, 3)) : 0];
        if (timeZone === 'local') {
            const local = new Date(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
            if (parts[0] < 100) {
                local.setFullYear(parts[0]);
            }
            return local;
        }
        const offset = convertTimezone(timeZone);
        if (offset === false) {
            return null;
        }
        return new Date(Date.UTC(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]) -
            offset * 60000);
    }

    // mysqljs RowDataPacket.prototype._typeCast, for the raw text the host sends.
    function typeCast(field, value, config) {
        if (value === null) {
            return null;
        }
        switch (field.type) {
            case Types.TIMESTAMP:
            case Types.TIMESTAMP2:
            case Types.DATE:
            case Types.DATETIME:
            case Types.DATETIME2:
            case Types.NEWDATE: {
                if (typeMatch(field.type, config.dateStrings)) {
                    return value;
                }
                const date = parseDate(value, field.type, config.timezone);
                return date === null || isNaN(date.getTime()) ? value : date;
            }
            case Types.TINY:
            case Types.SHORT:
            case Types.LONG:
            case Types.INT24:
            case Types.YEAR:
            case Types.FLOAT:
            case Types.DOUBLE:
                return (field.zeroFill && value[0] === '0') ? value : Number(value);
            case Types.NEWDECIMAL:
            case Types.LONGLONG:
                return (field.zeroFill && value[0] === '0')
                    ? value
                    : ((config.supportBigNumbers && (config.bigNumberStrings
                        || (Number(value) >= IEEE_754_BINARY_64_PRECISION)
                        || Number(value) <= -IEEE_754_BINARY_64_PRECISION))
                        ? value
                        : Number(value));
            case Types.BIT:
                return hexToBytes(value);
            case Types.STRING:
            case Types.VAR_STRING:
            case Types.TINY_BLOB:
            case Types.MEDIUM_BLOB:
            case Types.LONG_BLOB:
            case Types.BLOB:
                return field.binary ? hexToBytes(value) : value;
            default:
                return field.binary ? hexToBytes(value) : value;
        }
    }

    function toRows(result, config) {
        const fields = result.fields.map((field) => new FieldPacket(field));
        const rows = [];
        for (const values of result.rows) {
            const row = new RowDataPacket();
            for (let i = 0; i < fields.length; i++) {
                const raw = values[i];
                row[fields[i].name] = config.typeCast === false
                    ? (raw !== null && result.fields[i].binary ? hexToBytes(raw) : raw)
                    : typeCast(result.fields[i], raw, config);
            }
            rows.push(row);
        }
        return {rows, fields};
    }

    // ---------------------------------------------------------------- queries (mysqljs Query, createQuery)
    function Query(options, callback) {
        Emitter.call(this);
        this.sql = options.sql;
        this.values = options.values;
        this.typeCast = options.typeCast === undefined ? true : options.typeCast;
        this.nestTables = options.nestTables || false;
        this._callback = callback;
        if (this.nestTables) {
            throw notSupported('nestTables is not supported');
        }
    }
    inherits(Query, Emitter);

    function createQuery(sql, values, callback) {
        if (sql instanceof Query) {
            return sql;
        }
        let cb = callback;
        let options = {};
        if (typeof sql === 'function') {
            cb = sql;
        } else if (typeof sql === 'object' && sql !== null) {
            options = Object.create(sql);
            if (typeof values === 'function') {
                cb = values;
            } else if (values !== undefined) {
                Object.defineProperty(options, 'values', {value: values});
            }
        } else {
            options.sql = sql;
            if (typeof values === 'function') {
                cb = values;
            } else if (values !== undefined) {
                options.values = values;
            }
        }
        if (cb !== undefined && typeof cb !== 'function') {
            throw new TypeError('argument callback must be a function when provided');
        }
        return new Query(options, cb);
    }

    // Delivers a query's outcome as mysqljs does: callback(err, results, fields) and the query's events.
    function complete(query, errorJson, resultJson, config, onError) {
        if (errorJson !== null && errorJson !== undefined) {
            const error = lib.error(errorJson);
            if (!error.fatal) {
                error.index = 0;
                error.sql = query.sql;
            }
            onError(error);
            if (query._callback) {
                query._callback(error);
            } else if (!query.emit('error', error)) {
                onError.unhandled(error);
            }
            query.emit('end');
            return;
        }
        const result = jsonParse(resultJson);
        if (result.kind === 'rows') {
            const cast = Object.assign({}, config, {typeCast: query.typeCast === false ? false : config.typeCast});
            const {rows, fields} = toRows(result, cast);
            query.emit('fields', fields, 0);
            for (const row of rows) {
                query.emit('result', row, 0);
            }
            if (query._callback) {
                query._callback(null, rows, fields);
            }
        } else {
            const ok = new OkPacket(result);
            query.emit('result', ok, 0);
            if (query._callback) {
                query._callback(null, ok, undefined);
            }
        }
        query.emit('end');
    }

    function fail(query, error, emitter) {
        defer(() => {
            if (query._callback) {
                query._callback(error);
            } else if (!query.emit('error', error) && emitter) {
                emitter.emit('error', error);
            }
        });
    }

    // ---------------------------------------------------------------- Connection
    function Connection(options) {
        Emitter.call(this);
        this.config = options.config;
        this.state = 'disconnected';
        this.threadId = null;
        this._pool = options.pool || null;
        this._id = options.id !== undefined ? options.id : host.open(this.config.hostJson());
        this._connectCalled = options.id !== undefined;
        this._quit = false;
        this._destroyed = false;
        this._fatal = null;
        if (options.id !== undefined) {
            this.state = 'authenticated';
            this.threadId = options.threadId;
        }
    }
    inherits(Connection, Emitter);

    Connection.prototype.connect = function connect(options, callback) {
        if (!callback && typeof options === 'function') {
            callback = options;
        }
        if (this._connectCalled) {
            const error = protocolError('PROTOCOL_ENQUEUE_HANDSHAKE_TWICE',
                'Cannot enqueue Handshake after already enqueuing a Handshake.', false);
            if (this._pool !== null && callback) {
                defer(() => callback(null));
            } else if (callback) {
                defer(() => callback(error));
            } else if (this._pool === null) {
                defer(() => this.emit('error', error));
            }
            return;
        }
        this._connectCalled = true;
        this.state = 'connecting';
        host.connect(this._id, (errorJson, resultJson) => {
            if (errorJson !== null && errorJson !== undefined) {
                const error = lib.error(errorJson);
                this._markFatal(error);
                if (callback) {
                    callback(error);
                } else {
                    this.emit('error', error);
                }
                return;
            }
            if (this.state === 'connecting') {
                this.state = 'authenticated';
            }
            this.threadId = jsonParse(resultJson).threadId;
            this.emit('connect');
            if (callback) {
                callback(null);
            }
        });
    };

    Connection.prototype._markFatal = function markFatal(error) {
        if (error.fatal) {
            this._fatal = error;
            this.state = 'protocol_error';
        }
    };

    Connection.prototype.query = function query(sql, values, cb) {
        const q = createQuery(sql, values, cb);
        if (q.sql && (q.values !== undefined)) {
            q.sql = this.format(q.sql, q.values);
        }
        const refused = this._refusal('Query');
        if (refused) {
            fail(q, refused, this);
            return q;
        }
        if (typeof q.sql !== 'string') {
            fail(q, protocolError('ER_EMPTY_QUERY', 'ER_EMPTY_QUERY: Query was empty', false), this);
            return q;
        }
        if (!this._connectCalled) {
            this.connect();
        }
        const onError = (error) => this._markFatal(error);
        onError.unhandled = (error) => this.emit('error', error);
        host.query(this._id, q.sql, (errorJson, resultJson) => complete(q, errorJson, resultJson, this.config,
            onError));
        return q;
    };

    Connection.prototype._refusal = function refusal(what) {
        if (this._destroyed) {
            return protocolError('PROTOCOL_ENQUEUE_AFTER_DESTROY', 'Cannot enqueue ' + what +
                ' after being destroyed.', false);
        }
        if (this._quit) {
            return protocolError('PROTOCOL_ENQUEUE_AFTER_QUIT', 'Cannot enqueue ' + what + ' after invoking quit.',
                false);
        }
        if (this._fatal) {
            return protocolError('PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', 'Cannot enqueue ' + what +
                ' after fatal error.', false);
        }
        return null;
    };

    Connection.prototype.ping = function ping(options, callback) {
        if (!callback && typeof options === 'function') {
            callback = options;
        }
        return this.query('SELECT 1', (err) => callback && callback(err || null));
    };
    Connection.prototype.beginTransaction = function beginTransaction(options, callback) {
        if (!callback && typeof options === 'function') {
            callback = options;
        }
        return this.query('START TRANSACTION', callback);
    };
    Connection.prototype.commit = function commit(options, callback) {
        if (!callback && typeof options === 'function') {
            callback = options;
        }
        return this.query('COMMIT', callback);
    };
    Connection.prototype.rollback = function rollback(options, callback) {
        if (!callback && typeof options === 'function') {
            callback = options;
        }
        return this.query('ROLLBACK', callback);
    };

    Connection.prototype.end = function end(options, callback) {
        if (!callback && typeof options === 'function') {
            callback = options;
        }
        const refused = this._destroyed || this._quit
            ? this._refusal('Quit') : null;
        if (refused) {
            defer(() => callback ? callback(refused) : this.emit('error', refused));
            return;
        }
        this._quit = true;
        host.end(this._id, (errorJson) => {
            this.state = 'disconnected';
            const error = errorJson ? lib.error(errorJson) : null;
            // Ending a connection that never opened, or that already failed, is not an error to report twice.
            const reported = error && !error.fatal ? error : null;
            this.emit('end', reported || undefined);
            if (callback) {
                callback(reported);
            }
        });
    };

    Connection.prototype.destroy = function destroy() {
        if (!this._destroyed) {
            this._destroyed = true;
            this.state = 'disconnected';
            host.destroy(this._id);
        }
    };

    Connection.prototype.pause = function pause() {
    };
    Connection.prototype.resume = function resume() {
    };
    Connection.prototype.changeUser = function changeUser(options, callback) {
        if (!callback && typeof options === 'function') {
            callback = options;
        }
        const error = notSupported('changeUser is not supported; open a connection with the other user');
        defer(() => callback ? callback(error) : this.emit('error', error));
    };
    Connection.prototype.escape = function escape(value) {
        return SqlString.escape(value, false, this.config.timezone);
    };
    Connection.prototype.escapeId = function escapeId(value) {
        return SqlString.escapeId(value, false);
    };
    Connection.prototype.format = function format(sql, values) {
        return SqlString.format(sql, values, this.config.stringifyObjects, this.config.timezone);
    };

    // ---------------------------------------------------------------- PoolConnection
    function PoolConnection(pool, id, threadId) {
        Connection.call(this, {config: pool.config.connectionConfig, pool, id, threadId});
        this._released = false;
    }
    inherits(PoolConnection, Connection);

    PoolConnection.prototype.release = function release() {
        if (this._released || this._destroyed) {
            return;
        }
        this._released = true;
        host.release(this._id);
        this._pool.emit('release', this);
    };
    // mysqljs: ending a pooled connection gives it back to the pool.
    PoolConnection.prototype.end = function end(options, callback) {
        if (!callback && typeof options === 'function') {
            callback = options;
        }
        this.release();
        if (callback) {
            defer(() => callback(null));
        }
    };
    PoolConnection.prototype._refusal = function refusal(what) {
        if (this._released) {
            return protocolError('PROTOCOL_ENQUEUE_AFTER_QUIT', 'Cannot enqueue ' + what +
                ' after the connection was released to its pool.', false);
        }
        return Connection.prototype._refusal.call(this, what);
    };

    // ---------------------------------------------------------------- Pool
    function Pool(options) {
        Emitter.call(this);
        this.config = options.config;
        const poolConfig = this.config;
        this._id = host.poolOpen(poolConfig.connectionConfig.hostJson({
            connectionLimit: poolConfig.connectionLimit,
            acquireTimeout: poolConfig.acquireTimeout,
        }));
        this._closed = false;
    }
    inherits(Pool, Emitter);

    Pool.prototype.getConnection = function getConnection(cb) {
        if (typeof cb !== 'function') {
            throw new TypeError('argument callback must be a function');
        }
        if (this._closed) {
            const error = protocolError('POOL_CLOSED', 'Pool is closed.', false);
            defer(() => cb(error));
            return;
        }
        host.poolAcquire(this._id, (errorJson, resultJson) => {
            if (errorJson !== null && errorJson !== undefined) {
                cb(lib.error(errorJson));
                return;
            }
            const lease = jsonParse(resultJson);
            const connection = new PoolConnection(this, lease.id, lease.threadId);
            this.emit('acquire', connection);
            cb(null, connection);
        });
    };

    Pool.prototype.query = function query(sql, values, cb) {
        const q = createQuery(sql, values, cb);
        const config = this.config.connectionConfig;
        if (q.sql && (q.values !== undefined)) {
            q.sql = SqlString.format(q.sql, q.values, config.stringifyObjects, config.timezone);
        }
        if (this._closed) {
            fail(q, protocolError('POOL_CLOSED', 'Pool is closed.', false), this);
            return q;
        }
        if (typeof q.sql !== 'string') {
            fail(q, protocolError('ER_EMPTY_QUERY', 'ER_EMPTY_QUERY: Query was empty', false), this);
            return q;
        }
        const onError = () => {};
        onError.unhandled = (error) => this.emit('error', error);
        host.poolQuery(this._id, q.sql, (errorJson, resultJson) => complete(q, errorJson, resultJson, config,
            onError));
        return q;
    };

    Pool.prototype.end = function end(cb) {
        if (this._closed) {
            const error = protocolError('POOL_CLOSED', 'Pool is closed.', false);
            defer(() => cb ? cb(error) : undefined);
            return;
        }
        this._closed = true;
        host.poolEnd(this._id, (errorJson) => {
            if (cb) {
                cb(errorJson ? lib.error(errorJson) : null);
            }
        });
    };

    Pool.prototype.escape = function escape(value) {
        return SqlString.escape(value, this.config.connectionConfig.stringifyObjects,
            this.config.connectionConfig.timezone);
    };
    Pool.prototype.escapeId = function escapeId(value) {
        return SqlString.escapeId(value, false);
    };

    // ---------------------------------------------------------------- exports (mysqljs index.js)
    exports.createConnection = function createConnection(config) {
        return new Connection({config: new ConnectionConfig(config)});
    };
    exports.createPool = function createPool(config) {
        return new Pool({config: new PoolConfig(config)});
    };
    exports.createPoolCluster = function createPoolCluster() {
        throw notSupported('createPoolCluster is not supported; use createPool');
    };
    exports.createQuery = createQuery;
    exports.escape = function escape(value, stringifyObjects, timeZone) {
        return SqlString.escape(value, stringifyObjects, timeZone);
    };
    exports.escapeId = function escapeId(value, forbidQualified) {
        return SqlString.escapeId(value, forbidQualified);
    };
    exports.format = function format(sql, values, stringifyObjects, timeZone) {
        return SqlString.format(sql, values, stringifyObjects, timeZone);
    };
    exports.raw = function raw(sql) {
        return SqlString.raw(sql);
    };
    exports.Types = Types;
});
