// Node's `buffer` module in plain JS: Buffer is a Uint8Array whose prototype adds Node's methods, as in Node itself.
// Encodings: utf8 (utf-8), hex, base64, base64url, ucs2 (ucs-2, utf16le, utf-16le), latin1 (binary), ascii.
// UTF-8 follows the WHATWG decoder: every maximal invalid subpart becomes one U+FFFD.
(function (module, exports, require, host, lib) {
    'use strict';

    // Internal ranges and copies never go through subarray()/slice(): those consult a script's @@species (a
    // hostile one would break Buffer itself); Node's FastBuffer avoids them the same way.
    const RawBytes = Uint8Array;
    const RawUnits = Uint16Array;
    // Like subarray(start, end) for non-negative indices, as a plain view of the same element type.
    const rangeOf = (array, start, end) => {
        const Type = array instanceof RawUnits ? RawUnits : RawBytes;
        const from = Math.min(Math.max(0, start), array.length);
        const to = Math.min(Math.max(from, end), array.length);
        return new Type(array.buffer, array.byteOffset + from * Type.BYTES_PER_ELEMENT, to - from);
    };
    const copyOf = (bytes) => {
        const out = new RawBytes(bytes.length);
        out.set(bytes);
        return out;
    };
    const kMaxLength = 2 ** 31 - 1;
    const CHUNK = 4096;
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const B64_VALUES = new Int8Array(128).fill(-1);
    for (let i = 0; i < 64; i++) {
        B64_VALUES[B64.charCodeAt(i)] = i;
        B64_VALUES[B64URL.charCodeAt(i)] = i;
    }
    const HEX = [];
    for (let i = 0; i < 256; i++) {
        HEX.push((i < 16 ? '0' : '') + i.toString(16));
    }

    function nodeError(Type, code, message) {
        const error = new Type(message);
        error.code = code;
        return error;
    }

    function normalizeEncoding(encoding) {
        if (encoding === undefined || encoding === null || encoding === '') {
            return 'utf8';
        }
        switch (String(encoding).toLowerCase()) {
            case 'utf8': case 'utf-8': return 'utf8';
            case 'hex': return 'hex';
            case 'base64': return 'base64';
            case 'base64url': return 'base64url';
            case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
            case 'latin1': case 'binary': return 'latin1';
            case 'ascii': return 'ascii';
            default: return undefined;
        }
    }
    function encodingOf(encoding) {
        const normalized = normalizeEncoding(encoding);
        if (normalized === undefined) {
            throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + String(encoding));
        }
        return normalized;
    }

    // --- strings -> bytes (each returns a Uint8Array, possibly longer than needed, and the used length) ---
    function utf8Encode(string) {
        const out = new Uint8Array(string.length * 3);
        let p = 0;
        for (let i = 0; i < string.length; i++) {
            let c = string.charCodeAt(i);
            if (c < 0x80) {
                out[p++] = c;
            } else if (c < 0x800) {
                out[p++] = 0xC0 | (c >> 6);
                out[p++] = 0x80 | (c & 0x3F);
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                const next = i + 1 < string.length ? string.charCodeAt(i + 1) : 0;
                if (c <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
                    i++;
                    out[p++] = 0xF0 | (c >> 18);
                    out[p++] = 0x80 | ((c >> 12) & 0x3F);
                    out[p++] = 0x80 | ((c >> 6) & 0x3F);
                    out[p++] = 0x80 | (c & 0x3F);
                } else {
                    out[p++] = 0xEF; // a lone surrogate becomes U+FFFD
                    out[p++] = 0xBF;
                    out[p++] = 0xBD;
                }
            } else {
                out[p++] = 0xE0 | (c >> 12);
                out[p++] = 0x80 | ((c >> 6) & 0x3F);
                out[p++] = 0x80 | (c & 0x3F);
            }
        }
        return rangeOf(out, 0, p);
    }
    function latin1Encode(string) {
        const out = new Uint8Array(string.length);
        for (let i = 0; i < string.length; i++) {
            out[i] = string.charCodeAt(i);
        }
        return out;
    }
    function utf16Encode(string) {
        const out = new Uint8Array(string.length * 2);
        for (let i = 0; i < string.length; i++) {
            const c = string.charCodeAt(i);
            out[2 * i] = c & 0xFF;
            out[2 * i + 1] = c >> 8;
        }
        return out;
    }
    function hexEncode(string) {
        // Node stops at the first pair that is not hex and ignores an odd last character.
        const out = new Uint8Array(string.length >> 1);
        let p = 0;
        for (; p < out.length; p++) {
            const pair = string.substr(2 * p, 2);
            if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
                break;
            }
            out[p] = parseInt(pair, 16);
        }
        return rangeOf(out, 0, p);
    }
    function base64Encode(string) {
        // Lenient like Node: both alphabets, whitespace and other characters skipped, stops at '='.
        const out = new Uint8Array(Math.ceil(string.length * 3 / 4));
        let p = 0;
        let bits = 0;
        let count = 0;
        for (let i = 0; i < string.length; i++) {
            const c = string.charCodeAt(i);
            if (c === 61) {
                break;
            }
            const value = c < 128 ? B64_VALUES[c] : -1;
            if (value < 0) {
                continue;
            }
            bits = (bits << 6) | value;
            count += 6;
            if (count >= 8) {
                count -= 8;
                out[p++] = (bits >> count) & 0xFF;
            }
        }
        return rangeOf(out, 0, p);
    }
    function stringToBytes(string, encoding) {
        switch (encodingOf(encoding)) {
            case 'utf8': return utf8Encode(string);
            case 'hex': return hexEncode(string);
            case 'base64': case 'base64url': return base64Encode(string);
            case 'utf16le': return utf16Encode(string);
            default: return latin1Encode(string);
        }
    }

    // --- bytes -> strings ---
    function fromCodes(codes, length) {
        let out = '';
        for (let i = 0; i < length; i += CHUNK) {
            out += String.fromCharCode.apply(null, rangeOf(codes, i, Math.min(length, i + CHUNK)));
        }
        return out;
    }
    function utf8Decode(bytes, start, end) {
        const units = new Uint16Array(end - start);
        let p = 0;
        let i = start;
        while (i < end) {
            const b = bytes[i];
            if (b < 0x80) {
                units[p++] = b;
                i++;
                continue;
            }
            let need;
            let cp;
            let lower = 0x80;
            let upper = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                cp = b & 0x0F;
                lower = b === 0xE0 ? 0xA0 : 0x80;
                upper = b === 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                cp = b & 0x07;
                lower = b === 0xF0 ? 0x90 : 0x80;
                upper = b === 0xF4 ? 0x8F : 0xBF;
            } else {
                units[p++] = 0xFFFD;
                i++;
                continue;
            }
            let j = i + 1;
            let valid = true;
            for (let k = 0; k < need; k++, j++) {
                const c = j < end ? bytes[j] : -1;
                if (c < lower || c > upper) {
                    valid = false;
                    break;
                }
                lower = 0x80;
                upper = 0xBF;
                cp = (cp << 6) | (c & 0x3F);
            }
            i = j; // on failure the offending byte is not consumed: it starts the next sequence
            if (!valid) {
                units[p++] = 0xFFFD;
            } else if (cp >= 0x10000) {
                cp -= 0x10000;
                units[p++] = 0xD800 + (cp >> 10);
                units[p++] = 0xDC00 + (cp & 0x3FF);
            } else {
                units[p++] = cp;
            }
        }
        return fromCodes(units, p);
    }
    function base64Decode(bytes, start, end, alphabet, pad) {
        let out = '';
        let chunk = '';
        let i = start;
        for (; i + 2 < end; i += 3) {
            const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
            chunk += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
            if (chunk.length >= CHUNK) {
                out += chunk;
                chunk = '';
            }
        }
        if (end - i === 1) {
            const n = bytes[i] << 16;
            chunk += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (pad ? '==' : '');
        } else if (end - i === 2) {
            const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
            chunk += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + (pad ? '=' : '');
        }
        return out + chunk;
    }
    function hexDecode(bytes, start, end) {
        let out = '';
        for (let i = start; i < end; i++) {
            out += HEX[bytes[i]];
        }
        return out;
    }
    function bytesToString(bytes, encoding, start, end) {
        switch (encodingOf(encoding)) {
            case 'utf8': return utf8Decode(bytes, start, end);
            case 'hex': return hexDecode(bytes, start, end);
            case 'base64': return base64Decode(bytes, start, end, B64, true);
            case 'base64url': return base64Decode(bytes, start, end, B64URL, false);
            case 'latin1': return fromCodes(rangeOf(bytes, start, end), end - start);
            case 'ascii': {
                const codes = copyOf(rangeOf(bytes, start, end));
                for (let i = 0; i < codes.length; i++) {
                    codes[i] &= 0x7F;
                }
                return fromCodes(codes, codes.length);
            }
            default: {
                const pairs = (end - start) >> 1;
                const units = new Uint16Array(pairs);
                for (let i = 0; i < pairs; i++) {
                    units[i] = bytes[start + 2 * i] | (bytes[start + 2 * i + 1] << 8);
                }
                return fromCodes(units, pairs);
            }
        }
    }

    // --- the Buffer type: Node's own shape (a callable Buffer whose prototype is a Uint8Array subclass's) ---
    class FastBuffer extends Uint8Array {
        // eslint-disable-next-line no-useless-constructor
        constructor(bufferOrLength, byteOffset, length) {
            super(bufferOrLength, byteOffset, length);
        }
    }

    /** Deprecated in Node but used by published templates: `new Buffer(string, enc)`, `Buffer(size)`, ... */
    function Buffer(arg, encodingOrOffset, length) {
        if (typeof arg === 'number') {
            return Buffer.alloc(arg);
        }
        return Buffer.from(arg, encodingOrOffset, length);
    }
    Buffer.prototype = FastBuffer.prototype;
    Object.defineProperty(FastBuffer.prototype, 'constructor', {value: Buffer, writable: true, configurable: true});
    // Buffer inherits Uint8Array's statics, its @@species included: subarray() and friends build Buffers.
    Object.setPrototypeOf(Buffer, Uint8Array);

    function wrap(bytes) {
        return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    function checkSize(size) {
        if (typeof size !== 'number') {
            throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                'The "size" argument must be of type number. Received ' + typeof size);
        }
        if (!(size >= 0 && size <= kMaxLength)) {
            throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "size" is out of range. It must be >= 0 '
                + '&& <= ' + kMaxLength + '. Received ' + size);
        }
        return Math.floor(size);
    }

    Buffer.from = function from(value, encodingOrOffset, length) {
        if (typeof value === 'string') {
            return wrap(stringToBytes(value, encodingOrOffset));
        }
        if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined'
            && value instanceof SharedArrayBuffer)) {
            return new FastBuffer(value, encodingOrOffset === undefined ? 0 : Number(encodingOrOffset),
                length === undefined ? undefined : Number(length));
        }
        if (ArrayBuffer.isView(value)) {
            if (value instanceof DataView) {
                return copyBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
            }
            return copyBytes(value);
        }
        if (value !== null && typeof value === 'object') {
            if (value.type === 'Buffer' && Array.isArray(value.data)) {
                return copyBytes(value.data);
            }
            if (typeof value.length === 'number' || Array.isArray(value)) {
                return copyBytes(value);
            }
            const primitive = typeof value[Symbol.toPrimitive] === 'function'
                ? value[Symbol.toPrimitive]('string') : value.valueOf();
            if (primitive !== value && primitive !== null && primitive !== undefined) {
                return Buffer.from(primitive, encodingOrOffset, length);
            }
        }
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The first argument must be of type string or an '
            + 'instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received '
            + (value === null ? 'null' : typeof value));
    };
    function stringByteLength(string, encoding) {
        // Node's figures: exact for text encodings, estimated from the length for hex and base64.
        switch (encodingOf(encoding)) {
            case 'hex': return string.length >>> 1;
            case 'base64': case 'base64url': {
                let length = string.length;
                if (length > 0 && string.charCodeAt(length - 1) === 61) {
                    length--;
                }
                if (length > 1 && string.charCodeAt(length - 1) === 61) {
                    length--;
                }
                return (length * 3) >>> 2;
            }
            case 'utf16le': return string.length * 2;
            case 'utf8': return utf8Encode(string).length;
            default: return string.length;
        }
    }
    function copyBytes(arrayLike) {
        const out = new FastBuffer(arrayLike.length >>> 0);
        out.set(arrayLike);
        return out;
    }
    Buffer.alloc = function alloc(size, fill, encoding) {
        const out = new FastBuffer(checkSize(size));
        if (fill !== undefined && fill !== 0 && out.length > 0) {
            out.fill(fill, 0, out.length, encoding);
        }
        return out;
    };
    Buffer.allocUnsafe = function allocUnsafe(size) {
        return new FastBuffer(checkSize(size));
    };
    Buffer.allocUnsafeSlow = Buffer.allocUnsafe;
    Buffer.isBuffer = function isBuffer(value) {
        return value instanceof Buffer;
    };
    Buffer.isEncoding = function isEncoding(encoding) {
        return typeof encoding === 'string' && encoding.length > 0 && normalizeEncoding(encoding) !== undefined;
    };
    Buffer.byteLength = function byteLength(value, encoding) {
        if (typeof value === 'string') {
            return stringByteLength(value, encoding);
        }
        if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
            return value.byteLength;
        }
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
            'The "string" argument must be of type string or an instance of Buffer or ArrayBuffer.');
    };
    Buffer.concat = function concat(list, totalLength) {
        if (!Array.isArray(list)) {
            throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "list" argument must be an instance of Array.');
        }
        let total = totalLength;
        if (total === undefined) {
            total = 0;
            for (const item of list) {
                total += item.length;
            }
        }
        const out = Buffer.alloc(total);
        let offset = 0;
        for (const item of list) {
            if (!(item instanceof Uint8Array)) {
                throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                    'The "list" argument must contain only Buffer or Uint8Array instances.');
            }
            if (offset >= out.length) {
                break;
            }
            const part = item.length > out.length - offset ? rangeOf(item, 0, out.length - offset) : item;
            out.set(part, offset);
            offset += part.length;
        }
        return out;
    };
    Buffer.compare = function compare(a, b) {
        return compareBytes(a, 0, a.length, b, 0, b.length);
    };
    Buffer.poolSize = 8192;

    function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
        const length = Math.min(aEnd - aStart, bEnd - bStart);
        for (let i = 0; i < length; i++) {
            if (a[aStart + i] !== b[bStart + i]) {
                return a[aStart + i] < b[bStart + i] ? -1 : 1;
            }
        }
        const left = aEnd - aStart;
        const right = bEnd - bStart;
        return left === right ? 0 : (left < right ? -1 : 1);
    }
    function bound(value, fallback, length) {
        if (value === undefined) {
            return fallback;
        }
        const n = Math.trunc(Number(value)) || 0;
        return n < 0 ? Math.max(0, length + n) : Math.min(n, length);
    }
    function requireBytes(value, name) {
        if (!(value instanceof Uint8Array)) {
            throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                'The "' + name + '" argument must be an instance of Buffer or Uint8Array.');
        }
        return value;
    }

    const proto = FastBuffer.prototype;
    const define = (name, fn) =>
        Object.defineProperty(proto, name, {value: fn, writable: true, configurable: true, enumerable: false});

    define('toString', function toString(encoding, start, end) {
        const from = start === undefined ? 0 : Math.max(0, Math.min(Math.trunc(start) || 0, this.length));
        const to = end === undefined ? this.length : Math.max(from, Math.min(Math.trunc(end) || 0, this.length));
        return bytesToString(this, encoding, from, to);
    });
    define('toLocaleString', proto.toString);
    define('toJSON', function toJSON() {
        return {type: 'Buffer', data: Array.from(this)};
    });
    define('equals', function equals(other) {
        requireBytes(other, 'otherBuffer');
        return this.length === other.length && compareBytes(this, 0, this.length, other, 0, other.length) === 0;
    });
    define('compare', function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
        requireBytes(target, 'target');
        return compareBytes(this, sourceStart === undefined ? 0 : sourceStart,
            sourceEnd === undefined ? this.length : sourceEnd, target,
            targetStart === undefined ? 0 : targetStart, targetEnd === undefined ? target.length : targetEnd);
    });
    define('slice', function slice(start, end) {
        // Node's slice shares memory, unlike Uint8Array's.
        const from = bound(start, 0, this.length);
        return new FastBuffer(this.buffer, this.byteOffset + from, Math.max(0, bound(end, this.length, this.length)
            - from));
    });
    define('subarray', proto.slice);
    define('write', function write(string, offset, length, encoding) {
        if (typeof offset === 'string') {
            encoding = offset;
            offset = 0;
            length = undefined;
        } else if (typeof length === 'string') {
            encoding = length;
            length = undefined;
        }
        const start = offset === undefined ? 0 : offset >>> 0;
        if (start > this.length) {
            throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
        }
        const room = Math.min(this.length - start, length === undefined ? Infinity : length >>> 0);
        const bytes = stringToBytes(String(string), encoding);
        const count = Math.min(room, bytes.length);
        this.set(rangeOf(bytes, 0, count), start);
        return count;
    });
    define('copy', function copy(target, targetStart, sourceStart, sourceEnd) {
        requireBytes(target, 'target');
        const to = targetStart === undefined ? 0 : targetStart >>> 0;
        const from = sourceStart === undefined ? 0 : sourceStart >>> 0;
        const end = sourceEnd === undefined ? this.length : Math.min(sourceEnd >>> 0, this.length);
        if (to >= target.length || from >= end) {
            return 0;
        }
        const count = Math.min(end - from, target.length - to);
        target.set(rangeOf(this, from, from + count), to);
        return count;
    });
    const typedFill = Uint8Array.prototype.fill;
    define('fill', function fill(value, offset, end, encoding) {
        if (typeof offset === 'string') {
            encoding = offset;
            offset = undefined;
            end = undefined;
        } else if (typeof end === 'string') {
            encoding = end;
            end = undefined;
        }
        const from = offset === undefined ? 0 : offset >>> 0;
        const to = end === undefined ? this.length : Math.min(end >>> 0, this.length);
        if (typeof value === 'number' || typeof value === 'boolean') {
            return typedFill.call(this, Number(value) & 0xFF, from, to);
        }
        const pattern = typeof value === 'string' ? stringToBytes(value, encoding) : requireBytes(value, 'value');
        if (pattern.length === 0) {
            return typedFill.call(this, 0, from, to);
        }
        for (let i = from; i < to; i++) {
            this[i] = pattern[(i - from) % pattern.length];
        }
        return this;
    });
    define('indexOf', function indexOf(value, byteOffset, encoding) {
        return search(this, value, byteOffset, encoding);
    });
    define('includes', function includes(value, byteOffset, encoding) {
        return search(this, value, byteOffset, encoding) !== -1;
    });
    function search(haystack, value, byteOffset, encoding) {
        const start = bound(typeof byteOffset === 'string' ? undefined : byteOffset, 0, haystack.length);
        if (typeof value === 'number') {
            return Uint8Array.prototype.indexOf.call(haystack, value & 0xFF, start);
        }
        const needle = typeof value === 'string'
            ? stringToBytes(value, typeof byteOffset === 'string' ? byteOffset : encoding)
            : requireBytes(value, 'value');
        outer:
        for (let i = start; i + needle.length <= haystack.length; i++) {
            for (let j = 0; j < needle.length; j++) {
                if (haystack[i + j] !== needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // readUInt32BE and friends, over a DataView of the same memory.
    function view(buffer, offset, size) {
        if (buffer.length < size) {
            throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
        }
        if (typeof offset !== 'number' || offset !== Math.floor(offset) || offset < 0
            || offset + size > buffer.length) {
            throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "offset" is out of range. It must be >= 0 '
                + 'and <= ' + (buffer.length - size) + '. Received ' + offset);
        }
        return new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    for (const [name, size, type] of [['UInt8', 1, 'Uint8'], ['Int8', 1, 'Int8'], ['UInt16', 2, 'Uint16'],
        ['Int16', 2, 'Int16'], ['UInt32', 4, 'Uint32'], ['Int32', 4, 'Int32'], ['Float', 4, 'Float32'],
        ['Double', 8, 'Float64'], ['BigUInt64', 8, 'BigUint64'], ['BigInt64', 8, 'BigInt64']]) {
        for (const order of size === 1 ? [''] : ['LE', 'BE']) {
            const littleEndian = order === 'LE';
            const read = function (offset = 0) {
                return view(this, offset, size)['get' + type](offset, littleEndian);
            };
            const write = function (value, offset = 0) {
                view(this, offset, size)['set' + type](offset, value, littleEndian);
                return offset + size;
            };
            define('read' + name + order, read);
            define('write' + name + order, write);
            if (name.startsWith('UInt') || name.startsWith('BigUInt')) {
                define('read' + name.replace('UInt', 'Uint') + order, read);
                define('write' + name.replace('UInt', 'Uint') + order, write);
            }
        }
    }

    // --- atob / btoa (WHATWG forms over latin1 strings) ---
    function invalidCharacter(message) {
        const error = new Error(message);
        error.name = 'InvalidCharacterError';
        error.code = 5;
        return error;
    }
    function btoa(input) {
        const string = String(input);
        for (let i = 0; i < string.length; i++) {
            if (string.charCodeAt(i) > 0xFF) {
                throw invalidCharacter('Invalid character');
            }
        }
        const bytes = latin1Encode(string);
        return base64Decode(bytes, 0, bytes.length, B64, true);
    }
    function atob(input) {
        let string = String(input).replace(/[\t\n\f\r ]/g, '');
        if (string.length % 4 === 0) {
            string = string.replace(/==?$/, '');
        }
        if (string.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(string)) {
            throw invalidCharacter('The string to be decoded is not correctly encoded.');
        }
        const bytes = base64Encode(string);
        return fromCodes(bytes, bytes.length);
    }

    module.exports = {
        Buffer,
        SlowBuffer: Buffer,
        atob,
        btoa,
        kMaxLength,
        constants: {MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24},
        INSPECT_MAX_BYTES: 50,
    };
})
