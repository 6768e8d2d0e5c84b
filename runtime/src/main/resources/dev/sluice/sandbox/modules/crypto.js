// Node's `crypto` module, the parts database scripts use: createHash, createHmac, pbkdf2 / pbkdf2Sync, randomBytes,
// randomUUID, randomInt, timingSafeEqual, getHashes. Bytes are Buffers; the host (CryptoPrimitive) sees base64.
(function (module, exports, require, host, lib) {
    'use strict';

    const {Buffer} = require('buffer');
    const defer = setImmediate;
    const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-256', 'sha3-256', 'sha3-512'];

    function nodeError(Type, code, message) {
        const error = new Type(message);
        error.code = code;
        return error;
    }
    // Node accepts OpenSSL's spellings too: SHA256, sha-256, RSA-SHA256.
    function algorithmName(algorithm) {
        if (typeof algorithm !== 'string') {
            throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "algorithm" argument must be of type string');
        }
        const name = algorithm.toLowerCase().replace(/^rsa-/, '').replace(/^sha-(\d)/, 'sha$1')
            .replace(/^sha2-/, 'sha');
        return HASHES.includes(name) ? name : undefined;
    }
    function toBytes(data, encoding, what) {
        if (typeof data === 'string') {
            return Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding);
        }
        if (ArrayBuffer.isView(data)) {
            return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        }
        if (data instanceof ArrayBuffer) {
            return Buffer.from(data);
        }
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + what + '" argument must be of type string or '
            + 'an instance of Buffer, TypedArray, or DataView.');
    }
    function output(base64, encoding) {
        const bytes = Buffer.from(base64, 'base64');
        return encoding === undefined || encoding === 'buffer' ? bytes : bytes.toString(encoding);
    }

    // Hash and Hmac buffer their input and digest once, in the host.
    class Digest {
        constructor(finish) {
            this._finish = finish;
            this._chunks = [];
            this._done = false;
        }
        update(data, inputEncoding) {
            if (this._done) {
                throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
            }
            this._chunks.push(toBytes(data, inputEncoding, 'data'));
            return this;
        }
        digest(encoding) {
            if (this._done) {
                throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
            }
            this._done = true;
            return output(this._finish(Buffer.concat(this._chunks).toString('base64')), encoding);
        }
    }
    class Hash extends Digest {
        copy() {
            if (this._done) {
                throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
            }
            const copy = new Hash(this._finish);
            copy._chunks = this._chunks.slice();
            return copy;
        }
    }
    class Hmac extends Digest {
    }

    function createHash(algorithm) {
        const name = algorithmName(algorithm);
        if (name === undefined) {
            throw new Error('Digest method not supported');
        }
        return new Hash((data) => host.digest(name, data));
    }
    function digestName(digest) {
        const name = typeof digest === 'string' ? algorithmName(digest) : undefined;
        if (name === undefined) {
            throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: ' + digest);
        }
        return name;
    }
    function createHmac(algorithm, key) {
        const name = digestName(algorithm);
        const keyBytes = toBytes(key, 'utf8', 'key').toString('base64');
        return new Hmac((data) => host.hmac(name, keyBytes, data));
    }
    function hash(algorithm, data, outputEncoding = 'hex') {
        return createHash(algorithm).update(data).digest(outputEncoding);
    }

    // Node before v6 defaulted the digest to sha1; old templates still omit it, so a missing digest means sha1.
    function pbkdf2Arguments(password, salt, iterations, keylen, digest) {
        if (typeof iterations !== 'number' || typeof keylen !== 'number') {
            throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                'The "iterations" and "keylen" arguments must be of type number');
        }
        return [digestName(digest === undefined || digest === null ? 'sha1' : digest),
            toBytes(password, 'utf8', 'password').toString('base64'), toBytes(salt, 'utf8', 'salt').toString('base64'),
            iterations, keylen];
    }
    function pbkdf2Sync(password, salt, iterations, keylen, digest) {
        return output(host.pbkdf2Sync(...pbkdf2Arguments(password, salt, iterations, keylen, digest)));
    }
    function pbkdf2(password, salt, iterations, keylen, digest, callback) {
        if (typeof digest === 'function') {
            [digest, callback] = [undefined, digest];
        }
        if (typeof callback !== 'function') {
            throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function');
        }
        const args = pbkdf2Arguments(password, salt, iterations, keylen, digest);
        host.pbkdf2(...args, (errorJson, result) =>
            (errorJson ? callback(lib.error(errorJson)) : callback(null, output(result))));
    }

    function randomBytes(size, callback) {
        if (typeof size !== 'number') {
            throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "size" argument must be of type number');
        }
        const bytes = output(host.randomBytes(size));
        if (typeof callback === 'function') {
            defer(() => callback(null, bytes));
            return undefined;
        }
        return bytes;
    }
    function randomInt(min, max, callback) {
        if (max === undefined || typeof max === 'function') {
            [min, max, callback] = [0, min, max];
        }
        if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min || max - min > 2 ** 48) {
            throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'The "max" argument must be greater than "min" and '
                + 'the range must be less than 2**48');
        }
        const range = max - min;
        const limit = 2 ** 48 - (2 ** 48 % range);
        let value;
        do {
            value = output(host.randomBytes(6)).reduce((acc, byte) => acc * 256 + byte, 0);
        } while (value >= limit);
        const result = min + (value % range);
        if (typeof callback === 'function') {
            defer(() => callback(null, result));
            return undefined;
        }
        return result;
    }
    function timingSafeEqual(a, b) {
        if (typeof a === 'string' || typeof b === 'string') {
            throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                'The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
        }
        const left = toBytes(a, undefined, 'buf1');
        const right = toBytes(b, undefined, 'buf2');
        if (left.length !== right.length) {
            throw nodeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
                'Input buffers must have the same byte length');
        }
        let difference = 0;
        for (let i = 0; i < left.length; i++) {
            difference |= left[i] ^ right[i];
        }
        return difference === 0;
    }

    module.exports = {
        createHash,
        createHmac,
        hash,
        Hash,
        Hmac,
        pbkdf2,
        pbkdf2Sync,
        randomBytes,
        pseudoRandomBytes: randomBytes,
        randomUUID: () => host.randomUUID(),
        randomInt,
        timingSafeEqual,
        getHashes: () => HASHES.slice(),
        constants: {},
    };
})
