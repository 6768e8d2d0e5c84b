// npm `tedious` (SQL Server) over Microsoft's JDBC driver. The connection and request state machine, events, TYPES
// and the shape of rows and errors live here; the host opens sessions, runs each request through sp_executesql with
// its named parameters (as tedious does) and returns rows as plain data. See docs/modules.md (## tedious).
(function (module, exports, require, host, lib) {
    'use strict';

    const jsonStringify = JSON.stringify;
    const jsonParse = JSON.parse;
    // process.nextTick stand-in: after the current synchronous code, before any host completion.
    const nextTick = (fn) => Promise.resolve().then(fn);

    // tedious 1.x-8.x connected on construction (8.x only when connect() was not called in the same tick); 10+
    // needs connect(). Sluice does what 8.x did, whatever version is asked for: the module is one object per
    // context, so a `@version` seen by the first require says nothing about the next script. See docs/modules.md.

    // ------------------------------------------------------------------------------------------------ errors
    function errorType(name) {
        const ctor = function (message, code) {
            if (!(this instanceof ctor)) {
                if (message instanceof ctor) {
                    return message;
                }
                return new ctor(message, code);
            }
            const base = new Error(message);
            Object.defineProperty(this, 'stack', {value: base.stack, writable: true, configurable: true});
            this.message = message;
            this.code = code;
        };
        ctor.prototype = Object.create(Error.prototype, {
            constructor: {value: ctor, writable: true, configurable: true},
            name: {value: name, writable: true, configurable: true},
        });
        Object.defineProperty(ctor, 'name', {value: name});
        return ctor;
    }
    const ConnectionError = errorType('ConnectionError');
    const RequestError = errorType('RequestError');

    function typedError(fields, fallback) {
        const Type = (fields.errorType || fallback) === 'RequestError' ? RequestError : ConnectionError;
        const error = new Type(fields.message, fields.code);
        for (const key of Object.keys(fields)) {
            if (key !== 'message' && key !== 'code' && key !== 'errorType') {
                error[key] = fields[key];
            }
        }
        return error;
    }
    const fromJson = (json, fallback) => typedError(jsonParse(json), fallback);
    function fromThrown(e, fallback) {
        if (e instanceof ConnectionError || e instanceof RequestError) {
            return e;
        }
        const fields = {message: e && e.message};
        for (const key of Object.keys(e || {})) {
            fields[key] = e[key];
        }
        return typedError(fields, fallback);
    }
    function notSupported(what) {
        const error = new Error('tedious in Sluice does not support ' + what);
        error.code = 'ERR_NOT_SUPPORTED';
        return error;
    }

    // ------------------------------------------------------------------------------------------ event emitter
    class EventEmitter {
        constructor() {
            Object.defineProperty(this, '_events', {value: Object.create(null), writable: true});
        }
        on(name, listener) {
            if (typeof listener !== 'function') {
                throw new TypeError('The "listener" argument must be of type function');
            }
            (this._events[name] || (this._events[name] = [])).push(listener);
            return this;
        }
        addListener(name, listener) {
            return this.on(name, listener);
        }
        prependListener(name, listener) {
            this.on(name, listener);
            this._events[name].unshift(this._events[name].pop());
            return this;
        }
        once(name, listener) {
            if (typeof listener !== 'function') {
                throw new TypeError('The "listener" argument must be of type function');
            }
            const emitter = this;
            function wrapper(...args) {
                emitter.removeListener(name, wrapper);
                return listener.apply(emitter, args);
            }
            wrapper.listener = listener;
            return this.on(name, wrapper);
        }
        removeListener(name, listener) {
            const list = this._events[name];
            if (list) {
                const index = list.findIndex((l) => l === listener || l.listener === listener);
                if (index >= 0) {
                    list.splice(index, 1);
                }
            }
            return this;
        }
        off(name, listener) {
            return this.removeListener(name, listener);
        }
        removeAllListeners(name) {
            if (name === undefined) {
                this._events = Object.create(null);
            } else {
                delete this._events[name];
            }
            return this;
        }
        listeners(name) {
            return (this._events[name] || []).map((l) => l.listener || l);
        }
        listenerCount(name) {
            return (this._events[name] || []).length;
        }
        setMaxListeners() {
            return this;
        }
        emit(name, ...args) {
            const list = this._events[name];
            if (!list || list.length === 0) {
                if (name === 'error') {
                    throw args[0] instanceof Error ? args[0] : new Error('Unhandled error. (' + String(args[0]) + ')');
                }
                return false;
            }
            for (const listener of list.slice()) {
                listener.apply(this, args);
            }
            return true;
        }
    }

    // ------------------------------------------------------------------------------------------------- TYPES
    function lengthOf(parameter) {
        if (parameter.length) {
            return parameter.length;
        }
        if (parameter.value !== undefined && parameter.value !== null) {
            const value = parameter.value;
            return (typeof value === 'object' && typeof value.length === 'number' ? value.length
                : String(value).length) || 1;
        }
        return 1;
    }
    const sized = (sql, max) => (parameter) => {
        const length = lengthOf(parameter);
        return sql + '(' + (length <= max ? length : 'max') + ')';
    };
    const fixed = (sql) => () => sql;
    const decimal = (sql) => (parameter) =>
        sql + '(' + (parameter.precision || 18) + ', ' + (parameter.scale || 0) + ')';
    const TYPE_LIST = [
        [0x1F, 'NULL', 'Null', fixed('')],
        [0x30, 'INT1', 'TinyInt', fixed('tinyint')],
        [0x32, 'BIT', 'Bit', fixed('bit')],
        [0x34, 'INT2', 'SmallInt', fixed('smallint')],
        [0x38, 'INT4', 'Int', fixed('int')],
        [0x7F, 'INT8', 'BigInt', fixed('bigint')],
        [0x3B, 'FLT4', 'Real', fixed('real')],
        [0x3E, 'FLT8', 'Float', fixed('float')],
        [0x3C, 'MONEY', 'Money', fixed('money')],
        [0x7A, 'MONEY4', 'SmallMoney', fixed('smallmoney')],
        [0x3A, 'DATETIM4', 'SmallDateTime', fixed('smalldatetime')],
        [0x3D, 'DATETIME', 'DateTime', fixed('datetime')],
        [0x26, 'INTN', 'IntN', fixed('int')],
        [0x68, 'BITN', 'BitN', fixed('bit')],
        [0x6D, 'FLTN', 'FloatN', fixed('float')],
        [0x6E, 'MONEYN', 'MoneyN', fixed('money')],
        [0x6F, 'DATETIMN', 'DateTimeN', fixed('datetime')],
        [0x6A, 'DECIMALN', 'Decimal', decimal('decimal')],
        [0x6C, 'NUMERICN', 'Numeric', decimal('numeric')],
        [0x24, 'GUIDN', 'UniqueIdentifier', fixed('uniqueidentifier')],
        [0xA7, 'BIGVARCHR', 'VarChar', sized('varchar', 8000)],
        [0xAF, 'BIGCHAR', 'Char', sized('char', 8000)],
        [0xE7, 'NVARCHAR', 'NVarChar', sized('nvarchar', 4000)],
        [0xEF, 'NCHAR', 'NChar', sized('nchar', 4000)],
        [0x23, 'TEXT', 'Text', fixed('text')],
        [0x63, 'NTEXT', 'NText', fixed('ntext')],
        [0xA5, 'BIGVARBIN', 'VarBinary', sized('varbinary', 8000)],
        [0xAD, 'BIGBINARY', 'Binary', sized('binary', 8000)],
        [0x22, 'IMAGE', 'Image', fixed('image')],
        [0x28, 'DATEN', 'Date', fixed('date')],
        [0x29, 'TIMEN', 'Time', (p) => 'time(' + (p.scale === undefined ? 7 : p.scale) + ')'],
        [0x2A, 'DATETIME2N', 'DateTime2', (p) => 'datetime2(' + (p.scale === undefined ? 7 : p.scale) + ')'],
        [0x2B, 'DATETIMEOFFSETN', 'DateTimeOffset',
            (p) => 'datetimeoffset(' + (p.scale === undefined ? 7 : p.scale) + ')'],
        [0xF1, 'XML', 'Xml', fixed('xml')],
    ];
    const TYPES = {};
    const TYPE_BY_SQL = {};
    for (const [id, type, name, declaration] of TYPE_LIST) {
        TYPES[name] = Object.freeze({id, type, name, declaration});
        const sql = declaration({length: 1}).replace(/\(.*$/, '');
        if (sql && !TYPE_BY_SQL[sql] && !name.endsWith('N')) {
            TYPE_BY_SQL[sql] = TYPES[name];
        }
    }
    TYPE_BY_SQL.datetime = TYPES.DateTime;
    Object.freeze(TYPES);

    const ISOLATION_LEVEL = Object.freeze({
        NO_CHANGE: 0, READ_UNCOMMITTED: 1, READ_COMMITTED: 2, REPEATABLE_READ: 3, SERIALIZABLE: 4, SNAPSHOT: 5,
    });
    const ISOLATION_SQL = ['', 'READ UNCOMMITTED', 'READ COMMITTED', 'REPEATABLE READ', 'SERIALIZABLE', 'SNAPSHOT'];

    // ----------------------------------------------------------------------------------------- values in/out
    const pad = (n, width) => String(n).padStart(width, '0');
    function isoLocal(date, utc) {
        const d = date instanceof Date ? date : new Date(date);
        if (isNaN(d.getTime())) {
            throw new RequestError('Invalid date.', 'EPARAM');
        }
        const get = utc
            ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(),
                d.getUTCSeconds(), d.getUTCMilliseconds()]
            : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(),
                d.getMilliseconds()];
        return pad(get[0], 4) + '-' + pad(get[1], 2) + '-' + pad(get[2], 2) + 'T' + pad(get[3], 2) + ':' +
            pad(get[4], 2) + ':' + pad(get[5], 2) + '.' + pad(get[6], 3);
    }
    function hostValue(parameter, useUTC) {
        const value = parameter.value;
        if (value === undefined || value === null) {
            return null;
        }
        switch (parameter.type.name) {
            case 'DateTime': case 'SmallDateTime': case 'DateTimeN': case 'DateTime2':
                return isoLocal(value, useUTC);
            case 'Date':
                return isoLocal(value, useUTC).slice(0, 10);
            case 'Time':
                return isoLocal(value, useUTC).slice(11);
            case 'DateTimeOffset':
                return (value instanceof Date ? value : new Date(value)).toISOString();
            case 'VarBinary': case 'Binary': case 'Image':
                return require('buffer').Buffer.from(value).toString('base64');
            case 'Bit': case 'BitN':
                return typeof value === 'boolean' ? value : Boolean(Number(value));
            default:
                return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
        }
    }
    const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:\d{2})?$/;
    function parseDate(text, useUTC) {
        const m = DATE_TEXT.exec(text);
        if (!m) {
            return new Date(NaN);
        }
        const parts = [Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] || 0), Number(m[5] || 0),
            Number(m[6] || 0), Number(((m[7] || '') + '000').slice(0, 3))];
        if (m[8]) {
            const offset = m[8] === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1)
                * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(4, 6)));
            return new Date(Date.UTC(...parts) - offset * 60000);
        }
        return useUTC ? new Date(Date.UTC(...parts)) : new Date(...parts);
    }
    function scriptValue(value, sqlType, useUTC) {
        if (value === null || value === undefined) {
            return null;
        }
        switch (sqlType) {
            case 'datetime': case 'smalldatetime': case 'datetime2': case 'date': case 'datetimeoffset':
                return parseDate(value, useUTC);
            case 'time':
                return parseDate('1970-01-01T' + value, useUTC);
            case 'varbinary': case 'binary': case 'image': case 'timestamp': case 'rowversion':
                return require('buffer').Buffer.from(value, 'base64');
            default:
                return value;
        }
    }

    // ------------------------------------------------------------------------------------------------ Request
    class Request extends EventEmitter {
        constructor(sqlTextOrProcedure, callback) {
            super();
            this.sqlTextOrProcedure = sqlTextOrProcedure;
            this.parameters = [];
            this.parametersByName = {};
            this.userCallback = callback;
            this.canceled = false;
            this.rowCount = 0;
            this.rows = [];
            this.rst = [];
            this.callback = function (error, rowCount, rows) {
                if (typeof this.userCallback === 'function') {
                    this.userCallback.call(this, error, rowCount, rows);
                }
                this.emit('requestCompleted');
            };
        }
        addParameter(name, type, value, options) {
            if (!type || typeof type.declaration !== 'function') {
                throw new TypeError('Invalid type for parameter "' + name + '".');
            }
            const parameter = {type, name, value, output: false, length: options && options.length,
                precision: options && options.precision, scale: options && options.scale};
            this.parameters.push(parameter);
            this.parametersByName[name] = parameter;
        }
        addOutputParameter() {
            throw notSupported('output parameters (addOutputParameter)');
        }
        setTimeout(timeout) {
            this.timeout = timeout;
            return this;
        }
        pause() {
        }
        resume() {
        }
    }

    // --------------------------------------------------------------------------------------------- Connection
    const STATE = Object.freeze({
        INITIALIZED: {name: 'Initialized'},
        CONNECTING: {name: 'Connecting'},
        LOGGED_IN: {name: 'LoggedIn'},
        SENT_CLIENT_REQUEST: {name: 'SentClientRequest'},
        FINAL: {name: 'Final'},
    });

    function normalize(config) {
        if (typeof config !== 'object' || config === null) {
            throw new TypeError('The "config" argument is required and must be of type Object.');
        }
        if (typeof config.server !== 'string') {
            throw new TypeError('The "config.server" property is required and must be of type string.');
        }
        const authentication = config.authentication || {};
        const type = authentication.type || 'default';
        if (type !== 'default' || config.domain) {
            throw notSupported('authentication type "' + (config.domain ? 'ntlm' : type) + '" (only "default")');
        }
        const auth = authentication.options || {};
        const options = Object.assign({}, config.options || {});
        if (options.port !== undefined && options.instanceName) {
            throw new Error('Port and instanceName are mutually exclusive, but ' + options.port + ' and ' +
                options.instanceName + ' provided');
        }
        if (options.port !== undefined && (options.port <= 0 || options.port > 65535)) {
            throw new RangeError('Port should be > 0 and < 65536');
        }
        const defaults = {encrypt: false, trustServerCertificate: false, useUTC: true, useColumnNames: false,
            rowCollectionOnRequestCompletion: false, rowCollectionOnDone: false, connectTimeout: 15000,
            requestTimeout: 15000, appName: 'Tedious', isolationLevel: ISOLATION_LEVEL.READ_COMMITTED};
        for (const key of Object.keys(defaults)) {
            if (options[key] === undefined || options[key] === null) {
                options[key] = defaults[key];
            }
        }
        if (!options.instanceName && options.port === undefined) {
            options.port = 1433;
        }
        return {server: config.server, userName: auth.userName !== undefined ? auth.userName : config.userName,
            password: auth.password !== undefined ? auth.password : config.password, options};
    }

    class Connection extends EventEmitter {
        constructor(config) {
            super();
            const normalized = normalize(config);
            // The password stays out of `config`, so that logging the connection cannot print it.
            Object.defineProperty(this, '_password', {value: normalized.password});
            this.config = {server: normalized.server, userName: normalized.userName, options: normalized.options};
            this.state = STATE.INITIALIZED;
            this.STATE = STATE;
            this.loggedIn = false;
            this.closed = false;
            this.request = undefined;
            this._id = undefined;
            this._loginError = undefined;
            nextTick(() => {
                if (this.state === STATE.INITIALIZED) {
                    this._open();
                }
            });
        }

        connect(callback) {
            if (callback !== undefined && typeof callback !== 'function') {
                throw new TypeError('The "callback" argument must be of type function');
            }
            if (this.state === STATE.INITIALIZED) {
                if (callback) {
                    this.once('connect', callback);
                }
                this._open();
                return;
            }
            // Sluice: connect() after the automatic (tedious 1.x-8.x) start joins that login instead of throwing.
            if (!callback) {
                return;
            }
            if (this.state === STATE.CONNECTING) {
                this.once('connect', callback);
            } else {
                const error = this._loginError;
                nextTick(() => callback(error));
            }
        }

        _open() {
            this.state = STATE.CONNECTING;
            const options = this.config.options;
            const hostConfig = {server: this.config.server, port: options.instanceName ? undefined : options.port,
                instanceName: options.instanceName, database: options.database, userName: this.config.userName,
                password: this._password, encrypt: Boolean(options.encrypt),
                trustServerCertificate: Boolean(options.trustServerCertificate),
                connectTimeout: options.connectTimeout, requestTimeout: options.requestTimeout,
                appName: options.appName};
            try {
                this._id = host.connect(jsonStringify(hostConfig), (errorJson) => this._connected(errorJson));
            } catch (e) {
                const error = fromThrown(e, 'ConnectionError');
                nextTick(() => this._loginFailed(error));
            }
        }

        _connected(errorJson) {
            if (this.state !== STATE.CONNECTING) {
                return;
            }
            if (errorJson) {
                this._loginFailed(fromJson(errorJson, 'ConnectionError'));
                return;
            }
            this.state = STATE.LOGGED_IN;
            this.loggedIn = true;
            this.emit('connect');
        }

        _loginFailed(error) {
            this._loginError = error;
            this.emit('connect', error);
            this._cleanup();
        }

        _cleanup() {
            if (this.closed) {
                return;
            }
            this.state = STATE.FINAL;
            this.closed = true;
            this.loggedIn = false;
            if (this._id !== undefined) {
                host.close(this._id);
            }
            const pending = this.request;
            this.request = undefined;
            if (pending) {
                pending.callback(new RequestError('Connection closed before request completed.', 'ECLOSE'));
            }
            this.emit('end');
        }

        close() {
            this._cleanup();
        }

        execSql(request) {
            this._makeRequest(request, 'execute');
        }

        execSqlBatch(request) {
            this._makeRequest(request, 'batch');
        }

        callProcedure(request) {
            nextTick(() => request.callback(notSupported('callProcedure')));
        }

        prepare(request) {
            nextTick(() => request.callback(notSupported('prepare/execute')));
        }

        execute(request) {
            this.prepare(request);
        }

        execBulkLoad(bulkLoad) {
            throw notSupported('bulk loads');
        }

        newBulkLoad() {
            throw notSupported('bulk loads');
        }

        cancel() {
            return false;
        }

        reset(callback) {
            nextTick(() => callback());
        }

        beginTransaction(callback, name, isolationLevel) {
            const level = ISOLATION_SQL[isolationLevel || this.config.options.isolationLevel] || 'READ COMMITTED';
            this._transaction('SET TRANSACTION ISOLATION LEVEL ' + level + '; BEGIN TRANSACTION', callback);
        }

        commitTransaction(callback) {
            this._transaction('COMMIT TRANSACTION', callback);
        }

        rollbackTransaction(callback) {
            this._transaction('ROLLBACK TRANSACTION', callback);
        }

        _transaction(sql, callback) {
            this.execSqlBatch(new Request(sql, (error) => callback(error)));
        }

        _makeRequest(request, kind) {
            if (!(request instanceof Request)) {
                throw new TypeError('The "request" argument must be a Request.');
            }
            if (this.state !== STATE.LOGGED_IN) {
                const message = 'Requests can only be made in the LoggedIn state, not the ' + this.state.name +
                    ' state';
                nextTick(() => request.callback(new RequestError(message, 'EINVALIDSTATE')));
                return;
            }
            this.state = STATE.SENT_CLIENT_REQUEST;
            this.request = request;
            request.rowCount = 0;
            request.rows = [];
            request.rst = [];
            const useUTC = this.config.options.useUTC;
            const done = (errorJson, resultJson) => this._completed(request, errorJson, resultJson);
            try {
                const sql = String(request.sqlTextOrProcedure);
                if (kind === 'batch') {
                    host.batch(this._id, sql, done);
                } else {
                    const parameters = request.parameters.map((p) => ({name: p.name, type: p.type.name,
                        declaration: p.type.declaration(p), value: hostValue(p, useUTC)}));
                    host.execute(this._id, sql, jsonStringify(parameters), done);
                }
            } catch (e) {
                const error = fromThrown(e, 'RequestError');
                nextTick(() => this._failed(request, error));
            }
        }

        _completed(request, errorJson, resultJson) {
            if (errorJson) {
                this._failed(request, fromJson(errorJson, 'RequestError'));
                return;
            }
            if (this.request !== request) {
                return;
            }
            this.request = undefined;
            this.state = STATE.LOGGED_IN;
            this._deliver(request, jsonParse(resultJson).statements);
            request.emit('doneProc', undefined, false, 0, request.rst);
            request.callback(undefined, request.rowCount, request.rows);
        }

        _failed(request, error) {
            if (this.request !== request) {
                return;
            }
            this.request = undefined;
            this.state = STATE.LOGGED_IN;
            if (error.number !== undefined) {
                this.emit('errorMessage', {message: error.message, number: error.number, state: error.state,
                    class: error.class, serverName: error.serverName, procName: error.procName,
                    lineNumber: error.lineNumber});
            }
            request.callback(error, request.rowCount, request.rows);
            if (error.code === 'ESOCKET') {
                this._cleanup();
            }
        }

        _deliver(request, statements) {
            const options = this.config.options;
            for (let s = 0; s < statements.length; s++) {
                const statement = statements[s];
                const metadata = statement.columns.map((c) => ({colName: c.name,
                    type: TYPE_BY_SQL[c.type] || {name: c.type, declaration: () => c.type}}));
                if (metadata.length > 0) {
                    request.emit('columnMetadata', options.useColumnNames ? keyed(metadata, 'colName')
                        : metadata);
                }
                for (const values of statement.rows) {
                    const columns = values.map((value, i) => ({value: scriptValue(value, statement.columns[i].type,
                        options.useUTC), metadata: metadata[i]}));
                    const row = options.useColumnNames ? keyedColumns(columns) : columns;
                    if (options.rowCollectionOnRequestCompletion) {
                        request.rows.push(row);
                    }
                    if (options.rowCollectionOnDone) {
                        request.rst.push(row);
                    }
                    request.emit('row', row);
                }
                const rowCount = statement.rowCount >= 0 ? statement.rowCount : undefined;
                request.emit('doneInProc', rowCount, s < statements.length - 1, request.rst);
                if (rowCount !== undefined) {
                    request.rowCount += rowCount;
                }
                if (options.rowCollectionOnDone) {
                    request.rst = [];
                }
            }
        }
    }

    function keyed(list, key) {
        const out = {};
        for (const item of list) {
            if (out[item[key]] === undefined) {
                out[item[key]] = item;
            }
        }
        return out;
    }
    function keyedColumns(columns) {
        const out = {};
        for (const column of columns) {
            if (out[column.metadata.colName] === undefined) {
                out[column.metadata.colName] = column;
            }
        }
        return out;
    }

    // tedious >= 8.2: connect(config, callback) builds a Connection and connects it.
    function connect(config, callback) {
        const connection = new Connection(config);
        connection.connect(callback);
        return connection;
    }

    module.exports = {
        Connection,
        Request,
        TYPES,
        ISOLATION_LEVEL,
        TDS_VERSION: Object.freeze({'7_1': 0x71000001, '7_2': 0x72090002, '7_3_A': 0x730A0003,
            '7_3_B': 0x730B0003, '7_4': 0x74000004}),
        ConnectionError,
        RequestError,
        connect,
        library: Object.freeze({name: 'Tedious'}),
    };
});
