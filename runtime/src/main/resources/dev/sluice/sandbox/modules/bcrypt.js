// The npm `bcrypt` / `bcryptjs` surface over BcryptPrimitive. Async forms take a callback or return a Promise and
// hash off the JS thread; sync forms hash on it. Accepts $2a$, $2b$, $2x$ and PHP's $2y$ hashes. A malformed stored
// hash compares false (as npm bcrypt and bcryptjs do) and logs a warning, so that a bad imported hash can be told
// apart from a wrong password in the connection's logs.
(function (module, exports, require, host, lib) {
    'use strict';

    const {Buffer} = require('buffer');
    const defer = setImmediate;
    const log = console;

    function passwordBytes(data) {
        if (typeof data === 'string') {
            return Buffer.from(data, 'utf8').toString('base64');
        }
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
    }
    function isData(data) {
        return typeof data === 'string' || data instanceof Uint8Array;
    }
    function hashArgumentsError(data, salt) {
        if (data === undefined || data === null || salt === undefined || salt === null) {
            return new Error('data and salt arguments required');
        }
        if (!isData(data) || (typeof salt !== 'string' && typeof salt !== 'number')) {
            return new Error('data must be a string or Buffer and salt must either be a salt string or a number of '
                + 'rounds');
        }
        return null;
    }
    function compareArgumentsError(data, hash) {
        if (data === undefined || data === null || hash === undefined || hash === null) {
            return new Error('data and hash arguments required');
        }
        if (!isData(data) || typeof hash !== 'string') {
            return new Error('data must be a string or Buffer and hash must be a string');
        }
        return null;
    }
    function saltError(rounds, minor) {
        if (typeof rounds !== 'number') {
            return new Error('rounds must be a number');
        }
        if (minor !== 'a' && minor !== 'b') {
            return new Error('minor must be either "a" or "b"');
        }
        return null;
    }
    function verdict(name) {
        if (name === 'MALFORMED') {
            log.warn('bcrypt.compare: the stored hash is not a bcrypt hash ($2a$/$2b$/$2y$, cost 04-31, '
                + '60 characters); answering false');
        }
        return name === 'MATCH';
    }

    // Calls `start(done)` with a node-style `done`; returns a Promise when the caller gave no callback.
    function withCallback(callback, start) {
        if (typeof callback === 'function') {
            start(callback);
            return undefined;
        }
        return new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
    }
    function fail(done, error) {
        defer(() => done(error));
    }
    function fromHost(done, map) {
        return (errorJson, result) => (errorJson ? done(lib.error(errorJson)) : done(null, map(result)));
    }

    function genSaltSync(rounds = 10, minor = 'b') {
        const error = saltError(rounds, minor);
        if (error !== null) {
            throw error;
        }
        return host.genSalt(Math.trunc(rounds), minor);
    }
    function genSalt(rounds, minor, callback) {
        if (typeof rounds === 'function') {
            [rounds, minor, callback] = [10, 'b', rounds];
        } else if (typeof minor === 'function') {
            [minor, callback] = ['b', minor];
        }
        const r = rounds === undefined ? 10 : rounds;
        const m = minor === undefined ? 'b' : minor;
        return withCallback(callback, (done) => {
            const error = saltError(r, m);
            if (error !== null) {
                return fail(done, error);
            }
            const salt = host.genSalt(Math.trunc(r), m);
            defer(() => done(null, salt));
        });
    }
    function hashSync(data, salt) {
        const error = hashArgumentsError(data, salt);
        if (error !== null) {
            throw error;
        }
        return host.hashSync(passwordBytes(data), typeof salt === 'number' ? genSaltSync(salt) : salt);
    }
    function hash(data, salt, callback) {
        return withCallback(callback, (done) => {
            const error = hashArgumentsError(data, salt);
            if (error !== null) {
                return fail(done, error);
            }
            try {
                const saltString = typeof salt === 'number' ? genSaltSync(salt) : salt;
                host.hash(passwordBytes(data), saltString, fromHost(done, (result) => result));
            } catch (e) {
                fail(done, e);
            }
        });
    }
    function compareSync(data, encrypted) {
        const error = compareArgumentsError(data, encrypted);
        if (error !== null) {
            throw error;
        }
        return verdict(host.compareSync(passwordBytes(data), encrypted));
    }
    function compare(data, encrypted, callback) {
        return withCallback(callback, (done) => {
            const error = compareArgumentsError(data, encrypted);
            if (error !== null) {
                return fail(done, error);
            }
            try {
                host.compare(passwordBytes(data), encrypted, fromHost(done, verdict));
            } catch (e) {
                fail(done, e);
            }
        });
    }
    function getRounds(encrypted) {
        if (encrypted === undefined || encrypted === null) {
            throw new Error('hash argument required');
        }
        if (typeof encrypted !== 'string') {
            throw new Error('hash must be a string');
        }
        const match = /^\$2[abxy]?\$(\d\d)\$/.exec(encrypted);
        if (match === null) {
            throw new Error('invalid hash provided');
        }
        return Number(match[1]);
    }
    function getSalt(encrypted) {
        if (typeof encrypted !== 'string' || encrypted.length !== 60) {
            throw new Error('Illegal hash length: ' + (typeof encrypted === 'string' ? encrypted.length : 0)
                + ' != 60');
        }
        return encrypted.substring(0, 29);
    }

    module.exports = {genSaltSync, genSalt, hashSync, hash, compareSync, compare, getRounds, getSalt,
        truncates: (data) => (typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length) > 72};
})
