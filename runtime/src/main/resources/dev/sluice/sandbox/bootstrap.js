// Evaluated once per context, before any script. Receives the host bridge and returns the functions the Java side
// calls. Nothing here is reachable from scripts except the globals it installs on purpose.
(function (host, configurationJson, resultLimit, allocationLimit, legacyModulesJson) {
    'use strict';
    const G = globalThis;
    const jsonStringify = JSON.stringify;
    const jsonParse = JSON.parse;
    const ObjectFreeze = Object.freeze;
    const defineGlobal = (name, value) =>
        Object.defineProperty(G, name, {value, writable: true, configurable: true, enumerable: false});

    // --- the error constructors of CONTRACT.md §1; callable with or without `new` ---
    function errorClass(name, init) {
        const ctor = function (...args) {
            if (!(this instanceof ctor)) {
                return new ctor(...args);
            }
            const base = new Error();
            Object.defineProperty(this, 'stack', {value: base.stack, writable: true, configurable: true});
            this.name = name;
            init.apply(this, args);
        };
        ctor.prototype = Object.create(Error.prototype, {
            constructor: {value: ctor, writable: true, configurable: true},
            name: {value: name, writable: true, configurable: true},
        });
        Object.defineProperty(ctor, 'name', {value: name});
        return ctor;
    }
    defineGlobal('WrongUsernameOrPasswordError', errorClass('WrongUsernameOrPasswordError', function (userId, message) {
        this.message = message === undefined || message === null ? 'Wrong email or password.' : String(message);
        this.code = 'wrongusernameorpassword';
        this.user_id = userId;
        this.statusCode = 400;
    }));
    defineGlobal('ValidationError', errorClass('ValidationError', function (code, message) {
        this.code = code;
        this.message = message === undefined || message === null ? String(code) : String(message);
        this.description = this.message;
        this.statusCode = 400;
    }));
    defineGlobal('UnauthorizedError', errorClass('UnauthorizedError', function (message) {
        this.message = message === undefined || message === null ? 'Unauthorized' : String(message);
        this.code = 'unauthorized';
        this.description = this.message;
        this.statusCode = 401;
    }));

    // --- single huge allocations: refused before they happen ---
    // A one-shot allocation (a 1.5 GB ArrayBuffer, 'x'.repeat(2 ** 29)) cannot be interrupted once started and
    // wedges its thread for seconds, so sizes above the allocation budget breach `allocatedBytes` up front.
    // Proxies keep `instanceof`, static methods and subclassing (Buffer extends Uint8Array) intact.
    function refuseAllocation(bytes) {
        if (bytes > allocationLimit) {
            host.breach('allocatedBytes');
            throw new RangeError('Array buffer allocation failed');
        }
    }
    // Each guard reads what decides the size once and passes on exactly what it read (a number, a pinned view of an
    // array-like), so a valueOf, toString or getter that answers differently the second time cannot get past it.
    const SymbolIterator = Symbol.iterator;
    const ReflectConstruct = Reflect.construct;
    const ReflectGet = Reflect.get;
    const OriginalArrayBuffer = G.ArrayBuffer;
    const OriginalSharedArrayBuffer = G.SharedArrayBuffer;
    const isView = OriginalArrayBuffer.isView;
    const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
    const typedArrayLength = getter(Object.getPrototypeOf(G.Int8Array.prototype), 'length');
    const bufferByteLength = getter(OriginalArrayBuffer.prototype, 'byteLength');
    const sharedByteLength = OriginalSharedArrayBuffer === undefined ? undefined
        : getter(OriginalSharedArrayBuffer.prototype, 'byteLength');
    const toLength = (value) => Math.min(Math.max(Math.trunc(Number(value)) || 0, 0), Number.MAX_SAFE_INTEGER);
    // What an intrinsic getter reads from `value`, or undefined when `value` is not of its kind (a brand check).
    function readBranded(read, value) {
        if (read === undefined) {
            return undefined;
        }
        try {
            return read.call(value);
        } catch (e) {
            return undefined;
        }
    }
    function guardConstructor(name, guard) {
        const target = G[name];
        if (typeof target !== 'function') {
            return;
        }
        const guarded = new Proxy(target, {
            construct(ctor, args, newTarget) {
                return ReflectConstruct(ctor, guard(args), newTarget);
            },
        });
        defineGlobal(name, guarded);
        // Instances lead back to their constructor (`new Float64Array(0).constructor`, and the species lookups of
        // slice/map/subarray): that must be the guarded one too, or it is a way around the guard.
        Object.defineProperty(target.prototype, 'constructor', {value: guarded, writable: true, configurable: true,
            enumerable: false});
    }
    // new ArrayBuffer(length[, {maxByteLength}]): GraalJS reserves the maximum of a resizable buffer up front.
    const bufferGuard = (args) => {
        if (args.length === 0) {
            return args;
        }
        const length = Number(args[0]);
        refuseAllocation(length);
        let options = args[1];
        if (options !== null && typeof options === 'object') {
            const max = options.maxByteLength;
            if (max === undefined) {
                options = undefined;
            } else {
                options = {maxByteLength: Number(max)};
                refuseAllocation(options.maxByteLength);
            }
        }
        return args.length > 1 ? [length, options] : [length];
    };
    guardConstructor('ArrayBuffer', bufferGuard);
    guardConstructor('SharedArrayBuffer', bufferGuard);
    // new XArray(length | typedArray | buffer[, offset, length] | iterable | arrayLike)
    function typedArrayGuard(width) {
        return (args) => {
            if (args.length === 0) {
                return args;
            }
            const source = args[0];
            if (source === null || (typeof source !== 'object' && typeof source !== 'function')) {
                const length = Number(source);
                refuseAllocation(length * width);
                return [length];
            }
            if (readBranded(bufferByteLength, source) !== undefined
                    || readBranded(sharedByteLength, source) !== undefined) {
                return args; // a view of memory that exists already
            }
            if (isView(source)) {
                refuseAllocation((readBranded(typedArrayLength, source) || 0) * width);
                return args;
            }
            const iterator = source[SymbolIterator];
            if (iterator !== undefined && iterator !== null) {
                // Iterated here, element by element (the watchdog sees the list grow), and handed on as a list
                // whose length is the one checked: an array with no iterator of its own is read as an array-like.
                const values = [];
                for (const value of {[SymbolIterator]: () => iterator.call(source)}) {
                    values[values.length] = value;
                }
                refuseAllocation(values.length * width);
                Object.defineProperty(values, SymbolIterator, {value: undefined});
                return [values];
            }
            const length = toLength(source.length);
            refuseAllocation(length * width);
            return [new Proxy(source, {get: (t, key, r) => (key === SymbolIterator ? undefined
                : key === 'length' ? length : ReflectGet(t, key, r))})];
        };
    }
    for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
        'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
        guardConstructor(name, typedArrayGuard(G[name] ? G[name].BYTES_PER_ELEMENT : 1));
    }
    // Growing or copying a buffer allocates its new length at once.
    function guardMethod(proto, method, guard) {
        const original = proto === undefined ? undefined : proto[method];
        if (typeof original !== 'function') {
            return;
        }
        Object.defineProperty(proto, method, {
            value: {[method](...args) {
                const pinned = guard(this, args);
                return original.apply(pinned.self, pinned.args);
            }}[method],
            writable: true, configurable: true, enumerable: false,
        });
    }
    const newLengthGuard = (self, args) => {
        if (args.length === 0 || args[0] === undefined) {
            return {self, args};
        }
        const length = Number(args[0]);
        refuseAllocation(length);
        return {self, args: [length, ...args.slice(1)]};
    };
    for (const method of ['resize', 'transfer', 'transferToFixedLength']) {
        guardMethod(OriginalArrayBuffer.prototype, method, newLengthGuard);
    }
    guardMethod(OriginalSharedArrayBuffer === undefined ? undefined : OriginalSharedArrayBuffer.prototype, 'grow',
        newLengthGuard);
    // Strings: the text and the count or length, read once; two bytes per UTF-16 unit.
    const stringGuard = (bytesOf) => (self, args) => {
        if (self === null || self === undefined) {
            return {self, args}; // the original throws its TypeError
        }
        const text = String(self);
        const size = Number(args[0]);
        refuseAllocation(bytesOf(text, size || 0));
        return {self: text, args: [size, ...args.slice(1)]};
    };
    guardMethod(String.prototype, 'repeat', stringGuard((text, count) => text.length * count * 2));
    guardMethod(String.prototype, 'padStart', stringGuard((text, length) => length * 2));
    guardMethod(String.prototype, 'padEnd', stringGuard((text, length) => length * 2));

    // --- configuration and global ---
    defineGlobal('configuration', ObjectFreeze(jsonParse(configurationJson)));
    defineGlobal('global', G);

    // --- console: formatted here, captured per execution by the host (bounded) ---
    function formatOne(value) {
        if (typeof value === 'string') {
            return value;
        }
        if (value instanceof Error) {
            return value.stack ? String(value.stack) : value.name + ': ' + value.message;
        }
        if (typeof value === 'function') {
            return '[Function' + (value.name ? ': ' + value.name : ' (anonymous)') + ']';
        }
        if (typeof value === 'object' && value !== null) {
            try {
                const text = jsonStringify(value);
                return text === undefined ? String(value) : text;
            } catch (e) {
                return '[object]';
            }
        }
        return String(value);
    }
    function format(args) {
        let out = '';
        for (let i = 0; i < args.length; i++) {
            out += (i === 0 ? '' : ' ') + formatOne(args[i]);
        }
        return out;
    }
    const consoleObject = {};
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
        consoleObject[level] = function (...args) {
            host.console(level, format(args));
        };
    }
    defineGlobal('console', ObjectFreeze(consoleObject));

    // --- timers: scheduled by the host, run on this execution's loop ---
    const timers = new Map();
    let nextTimerId = 1;
    class Timeout {
        constructor(id) {
            this._id = id;
        }
        ref() { return this; }
        unref() { return this; }
        hasRef() { return true; }
        refresh() { return this; }
        [Symbol.toPrimitive]() { return this._id; }
    }
    function schedule(fn, ms, args, repeat) {
        if (typeof fn !== 'function') {
            throw new TypeError('The "callback" argument must be of type function');
        }
        const id = nextTimerId++;
        const delay = Math.max(0, Math.min(Number(ms) || 0, 2147483647));
        timers.set(id, {fn, args, delay, repeat});
        host.timer(id, delay);
        return new Timeout(id);
    }
    function cancel(timer) {
        if (timer !== null && timer !== undefined) {
            timers.delete(typeof timer === 'object' ? timer._id : Number(timer));
        }
    }
    defineGlobal('setTimeout', (fn, ms, ...args) => schedule(fn, ms, args, false));
    defineGlobal('setInterval', (fn, ms, ...args) => schedule(fn, ms, args, true));
    defineGlobal('setImmediate', (fn, ...args) => schedule(fn, 0, args, false));
    defineGlobal('clearTimeout', cancel);
    defineGlobal('clearInterval', cancel);
    defineGlobal('clearImmediate', cancel);

    // --- require: the policy's allow-list; `name@version` maps to the module Sluice provides ---
    const moduleCache = new Map();
    const PER_VERSION = new Set(['mongodb']);
    let requestedVersion = '';
    function baseName(request) {
        const name = String(request);
        const at = name.lastIndexOf('@');
        return at > 0 ? name.slice(0, at) : name;
    }
    function require(request) {
        const name = baseName(request).replace(/^node:/, '');
        const version = String(request).slice(baseName(request).length + 1);
        // Modules whose API differs by major version are cached per requested version (facades read
        // `module.version`, '' when none was asked for); the others are one object whatever the suffix.
        const key = PER_VERSION.has(name) ? name + '@' + version : name;
        if (moduleCache.has(key)) {
            return moduleCache.get(key);
        }
        requestedVersion = version;
        const exports = host.require(name);
        if (exports === null || exports === undefined) {
            const error = new Error("Cannot find module '" + String(request) + "'");
            error.code = 'MODULE_NOT_FOUND';
            throw error;
        }
        moduleCache.set(key, exports);
        return exports;
    }
    defineGlobal('require', require);

    // --- Node globals from the core modules (buffer, url, util). Loaded on first use: modules load through
    // `loadModule`, which the host only has once this bootstrap has returned. Assigning one replaces it. ---
    function lazyGlobal(name, load) {
        Object.defineProperty(G, name, {
            get() {
                const value = load();
                defineGlobal(name, value);
                return value;
            },
            set(value) {
                defineGlobal(name, value);
            },
            configurable: true,
            enumerable: false,
        });
    }
    lazyGlobal('Buffer', () => require('buffer').Buffer);
    lazyGlobal('atob', () => require('buffer').atob);
    lazyGlobal('btoa', () => require('buffer').btoa);
    lazyGlobal('URL', () => require('url').URL);
    lazyGlobal('URLSearchParams', () => require('url').URLSearchParams);
    lazyGlobal('TextEncoder', () => require('util').TextEncoder);
    lazyGlobal('TextDecoder', () => require('util').TextDecoder);
    for (const name of ['fetch', 'Headers', 'Request', 'Response']) {
        lazyGlobal(name, () => require('fetch')[name]);
    }
    defineGlobal('queueMicrotask', (fn) => {
        if (typeof fn !== 'function') {
            throw new TypeError('The "callback" argument must be of type function');
        }
        Promise.resolve().then(fn);
    });

    // --- legacy globals (policy `legacyGlobals`): what scripts from older runtimes use without `require`. The host
    // passes only the modules the policy allows and Sluice provides; each loads on first use. ---
    const legacyModules = new Set(jsonParse(legacyModulesJson || '[]'));
    const LEGACY = [['bcrypt', 'bcrypt'], ['crypto', 'crypto'], ['request', 'request'], ['sqlserver', 'tedious']];
    for (const [global, moduleName] of LEGACY) {
        if (legacyModules.has(moduleName)) {
            lazyGlobal(global, () => require(moduleName));
        }
    }
    if (legacyModules.has('mysql')) {
        // The old runtime's `mysql({...})` opened a connection; the module's own API stays reachable on it.
        lazyGlobal('mysql', () => {
            const mysql = require('mysql');
            return Object.assign(function mysqlConnection(config) {
                return mysql.createConnection(config);
            }, mysql);
        });
    }
    if (legacyModules.has('crypto')) {
        // node-uuid's shape, v4 only: `uuid()` and `uuid.v4()`.
        lazyGlobal('uuid', () => {
            const v4 = () => require('crypto').randomUUID();
            return ObjectFreeze(Object.assign(function uuid() {
                return v4();
            }, {v4}));
        });
    }

    // What module facades get besides their primitive: turning a host error (JSON) into a real Error.
    const lib = ObjectFreeze({
        error(json) {
            const fields = jsonParse(json);
            const error = new Error(fields.message);
            for (const key of Object.keys(fields)) {
                if (key !== 'message') {
                    error[key] = fields[key];
                }
            }
            return error;
        },
    });
    // Host functions return a marker instead of throwing; the facade sees a thrown Error.
    function wrapPrimitive(primitive) {
        if (primitive === null || primitive === undefined) {
            return primitive;
        }
        const out = {};
        for (const key of Object.keys(primitive)) {
            const fn = primitive[key];
            out[key] = function (...args) {
                const result = fn(...args);
                if (result !== null && typeof result === 'object' && result.__hostError !== undefined) {
                    throw lib.error(result.__hostError);
                }
                return result;
            };
        }
        return ObjectFreeze(out);
    }
    function loadModule(factory, primitive) {
        const module = {exports: {}, version: requestedVersion};
        requestedVersion = '';
        factory(module, module.exports, require, wrapPrimitive(primitive), lib);
        return module.exports;
    }

    // --- the callback bridge ---
    function text(value) {
        try {
            return value === undefined || value === null ? undefined : String(value);
        } catch (e) {
            return '[unprintable]';
        }
    }
    function describeError(error) {
        if (error === null || (typeof error !== 'object' && typeof error !== 'function')) {
            return {name: 'Error', message: text(error) || ''};
        }
        const out = {};
        const read = (key) => {
            try {
                return error[key];
            } catch (e) {
                return undefined;
            }
        };
        out.name = text(read('name')) || 'Error';
        out.message = text(read('message')) || '';
        for (const key of ['code', 'description', 'user_id']) {
            const value = text(read(key));
            if (value !== undefined) {
                out[key] = value;
            }
        }
        const status = read('statusCode');
        if (typeof status === 'number' && Number.isInteger(status)) {
            out.statusCode = status;
        }
        return out;
    }
    function toJson(value) {
        const json = value === undefined ? 'null' : jsonStringify(value);
        return json === undefined ? 'null' : json;
    }

    // Runs `fn` with the arguments in `argsJson` and a callback that reports to `done(kind, json)` once.
    function invoke(fn, argsJson, done) {
        timers.clear();
        let called = false;
        const callback = function (error, value) {
            if (called) {
                host.lateCallback();
                return;
            }
            called = true;
            if (error) {
                done('failure', jsonStringify(describeError(error)));
                return;
            }
            let json;
            try {
                json = toJson(value);
            } catch (e) {
                done('failure', jsonStringify({name: 'Error',
                    message: 'the result could not be converted to plain data: ' + describeError(e).message}));
                return;
            }
            if (json.length > resultLimit) {
                done('limit', 'resultBytes');
                return;
            }
            done('success', json);
        };
        const args = jsonParse(argsJson);
        args.push(callback);
        const returned = fn.apply(undefined, args);
        if (returned !== null && typeof returned === 'object' && typeof returned.then === 'function') {
            returned.then(undefined, (error) => {
                if (!called) {
                    called = true;
                    done('failure', jsonStringify(describeError(error)));
                }
            });
        }
    }

    function fireTimer(id) {
        const timer = timers.get(id);
        if (timer === undefined) {
            return;
        }
        if (timer.repeat) {
            host.timer(id, timer.delay);
        } else {
            timers.delete(id);
        }
        timer.fn.apply(undefined, timer.args);
    }

    return ObjectFreeze({invoke, fireTimer, loadModule, describeError: (e) => jsonStringify(describeError(e))});
});
