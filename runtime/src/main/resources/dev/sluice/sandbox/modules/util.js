// Node's `util` module, the parts scripts use: format, inspect (one line, no colours), promisify, callbackify,
// inherits, deprecate, types, and the WHATWG TextEncoder / TextDecoder (utf-8, utf-16le, latin1).
(function (module, exports, require, host, lib) {
    'use strict';

    const {Buffer} = require('buffer');
    const customInspect = Symbol.for('nodejs.util.inspect.custom');
    const customPromisify = Symbol.for('nodejs.util.promisify.custom');

    // --- inspect ---
    function quote(string) {
        return "'" + string.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
    }
    function key(name) {
        if (typeof name === 'symbol') {
            return '[' + name.toString() + ']';
        }
        return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
    }
    function primitive(value) {
        switch (typeof value) {
            case 'string': return quote(value);
            case 'number': return Object.is(value, -0) ? '-0' : String(value);
            case 'bigint': return value + 'n';
            case 'symbol': return value.toString();
            case 'undefined': return 'undefined';
            case 'function': {
                const kind = /^class\b/.test(Function.prototype.toString.call(value)) ? 'class' : 'Function';
                return '[' + kind + (value.name ? ': ' + value.name : ' (anonymous)') + ']';
            }
            default: return value === null ? 'null' : String(value);
        }
    }
    function list(items, open, close, prefix) {
        return (prefix || '') + (items.length === 0 ? open + close : open + ' ' + items.join(', ') + ' ' + close);
    }
    function inspectValue(value, depth, seen, options) {
        if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
            return primitive(value);
        }
        if (typeof value[customInspect] === 'function' && value[customInspect] !== inspect) {
            const custom = value[customInspect](depth, options, inspect);
            return typeof custom === 'string' ? custom : inspectValue(custom, depth, seen, options);
        }
        if (typeof value === 'function') {
            return primitive(value);
        }
        if (seen.includes(value)) {
            return '[Circular]';
        }
        if (value instanceof Error) {
            return value.stack ? String(value.stack) : '[' + value.name + ': ' + value.message + ']';
        }
        if (value instanceof Date) {
            return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
        }
        if (value instanceof RegExp) {
            return String(value);
        }
        if (value instanceof Promise) {
            return 'Promise { <unknown> }';
        }
        if (Buffer.isBuffer(value)) {
            const shown = Array.from(value.subarray(0, 50), (b) => (b < 16 ? '0' : '') + b.toString(16));
            const more = value.length > 50 ? ' ... ' + (value.length - 50) + ' more bytes' : '';
            return '<Buffer' + (shown.length ? ' ' + shown.join(' ') : '') + more + '>';
        }
        if (depth > options.depth) {
            return Array.isArray(value) ? '[Array]' : '[' + (constructorName(value) || 'Object') + ']';
        }
        const next = (item) => inspectValue(item, depth + 1, seen.concat([value]), options);
        if (Array.isArray(value)) {
            return list(value.map(next), '[', ']');
        }
        if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
            return list(Array.from(value, (n) => primitive(n)), '[', ']',
                constructorName(value) + '(' + value.length + ') ');
        }
        if (value instanceof Map) {
            return list(Array.from(value, ([k, v]) => next(k) + ' => ' + next(v)), '{', '}',
                'Map(' + value.size + ') ');
        }
        if (value instanceof Set) {
            return list(Array.from(value, next), '{', '}', 'Set(' + value.size + ') ');
        }
        const entries = Reflect.ownKeys(value)
            .filter((name) => Object.prototype.propertyIsEnumerable.call(value, name))
            .map((name) => key(name) + ': ' + next(value[name]));
        const name = constructorName(value);
        return list(entries, '{', '}', name && name !== 'Object' ? name + ' ' : (name === null ? '[Object: null '
            + 'prototype] ' : ''));
    }
    function constructorName(value) {
        const proto = Object.getPrototypeOf(value);
        if (proto === null) {
            return null;
        }
        const ctor = proto.constructor;
        return typeof ctor === 'function' ? ctor.name : '';
    }
    function inspect(value, options) {
        const depth = options !== null && typeof options === 'object' && typeof options.depth === 'number'
            ? options.depth : (options === null || (options && options.depth === null) ? Infinity : 2);
        return inspectValue(value, 0, [], {depth});
    }
    inspect.custom = customInspect;
    inspect.defaultOptions = {depth: 2};

    // --- format ---
    function formatArg(spec, arg) {
        switch (spec) {
            case 's':
                if (typeof arg === 'bigint') {
                    return arg + 'n';
                }
                return typeof arg === 'object' && arg !== null ? inspect(arg, {depth: 0})
                    : (typeof arg === 'number' && Object.is(arg, -0) ? '-0' : String(arg));
            case 'd':
                return typeof arg === 'bigint' ? arg + 'n' : (typeof arg === 'object' && arg !== null ? 'NaN'
                    : primitive(Number(arg)));
            case 'i':
                return typeof arg === 'bigint' ? arg + 'n' : String(parseInt(arg, 10));
            case 'f':
                return typeof arg === 'symbol' ? 'NaN' : String(parseFloat(arg));
            case 'j':
                try {
                    return JSON.stringify(arg);
                } catch (e) {
                    return '[Circular]';
                }
            case 'c':
                return '';
            default:
                return inspect(arg, {depth: spec === 'o' ? 4 : 2});
        }
    }
    function format(first, ...args) {
        let out = '';
        let index = 0;
        if (typeof first === 'string' && args.length === 0) {
            return first;
        }
        if (typeof first === 'string') {
            out = first.replace(/%([sdifjoOc%])/g, (match, spec) => {
                if (spec === '%') {
                    return '%';
                }
                return index < args.length ? formatArg(spec, args[index++]) : match;
            });
        } else if (arguments.length > 0) {
            out = inspect(first);
        }
        for (; index < args.length; index++) {
            const arg = args[index];
            out += ' ' + (typeof arg === 'string' ? arg : inspect(arg));
        }
        return out;
    }

    // --- callbacks and promises ---
    function promisify(original) {
        if (typeof original !== 'function') {
            const error = new TypeError('The "original" argument must be of type function');
            error.code = 'ERR_INVALID_ARG_TYPE';
            throw error;
        }
        if (typeof original[customPromisify] === 'function') {
            return original[customPromisify];
        }
        function promisified(...args) {
            return new Promise((resolve, reject) => {
                original.call(this, ...args, (error, value) => (error ? reject(error) : resolve(value)));
            });
        }
        Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
        return Object.defineProperties(promisified, Object.getOwnPropertyDescriptors(original));
    }
    promisify.custom = customPromisify;
    function callbackify(original) {
        return function (...args) {
            const callback = args.pop();
            original.apply(this, args).then((value) => callback(null, value), (reason) => {
                if (!reason) {
                    const error = new Error('Promise was rejected with a falsy value');
                    error.code = 'ERR_FALSY_VALUE_REJECTION';
                    error.reason = reason;
                    reason = error;
                }
                callback(reason);
            });
        };
    }
    function inherits(ctor, superCtor) {
        Object.defineProperty(ctor, 'super_', {value: superCtor, writable: true, configurable: true});
        Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    }

    // --- TextEncoder / TextDecoder ---
    class TextEncoder {
        get encoding() { return 'utf-8'; }
        encode(input = '') {
            const bytes = Buffer.from(String(input), 'utf8');
            return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
        }
        encodeInto(source, destination) {
            let read = 0;
            let written = 0;
            for (const ch of String(source)) {
                const bytes = Buffer.from(ch, 'utf8');
                if (written + bytes.length > destination.length) {
                    break;
                }
                destination.set(bytes, written);
                written += bytes.length;
                read += ch.length;
            }
            return {read, written};
        }
    }
    const DECODERS = {'utf-8': 'utf8', 'utf8': 'utf8', 'unicode-1-1-utf-8': 'utf8', 'utf-16le': 'utf16le',
        'utf-16': 'utf16le', 'latin1': 'latin1', 'iso-8859-1': 'latin1', 'ascii': 'latin1', 'us-ascii': 'latin1',
        'windows-1252': 'latin1'};
    const CANONICAL = {utf8: 'utf-8', utf16le: 'utf-16le', latin1: 'windows-1252'};
    class TextDecoder {
        constructor(label = 'utf-8', options = {}) {
            const encoding = DECODERS[String(label).trim().toLowerCase()];
            if (encoding === undefined) {
                const error = new RangeError('The "' + label + '" encoding is not supported');
                error.code = 'ERR_ENCODING_NOT_SUPPORTED';
                throw error;
            }
            this._encoding = encoding;
            this._fatal = Boolean(options && options.fatal);
            this._ignoreBOM = Boolean(options && options.ignoreBOM);
        }
        get encoding() { return CANONICAL[this._encoding]; }
        get fatal() { return this._fatal; }
        get ignoreBOM() { return this._ignoreBOM; }
        decode(input) {
            if (input === undefined) {
                return '';
            }
            const bytes = input instanceof ArrayBuffer ? Buffer.from(input)
                : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
            let text = bytes.toString(this._encoding);
            if (this._fatal && this._encoding === 'utf8' && !Buffer.from(text, 'utf8').equals(bytes)) {
                const error = new TypeError('The encoded data was not valid for encoding ' + this.encoding);
                error.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
                throw error;
            }
            if (!this._ignoreBOM && this._encoding !== 'latin1' && text.charCodeAt(0) === 0xFEFF) {
                text = text.slice(1);
            }
            return text;
        }
    }

    const types = {
        isDate: (value) => value instanceof Date,
        isRegExp: (value) => value instanceof RegExp,
        isPromise: (value) => value instanceof Promise,
        isMap: (value) => value instanceof Map,
        isSet: (value) => value instanceof Set,
        isNativeError: (value) => value instanceof Error,
        isTypedArray: (value) => ArrayBuffer.isView(value) && !(value instanceof DataView),
        isUint8Array: (value) => value instanceof Uint8Array,
        isArrayBuffer: (value) => value instanceof ArrayBuffer,
        isAnyArrayBuffer: (value) => value instanceof ArrayBuffer,
        isAsyncFunction: (value) => typeof value === 'function' && value.constructor.name === 'AsyncFunction',
    };

    module.exports = {
        format,
        inspect,
        promisify,
        callbackify,
        inherits,
        deprecate: (fn) => fn,
        types,
        isArray: Array.isArray,
        TextEncoder,
        TextDecoder,
    };
})
