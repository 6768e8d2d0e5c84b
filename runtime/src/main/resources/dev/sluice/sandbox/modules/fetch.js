// The WHATWG `fetch` of Node 18+ (undici), with `Headers`, `Request` and `Response`, over HttpPrimitive: a global of
// every script (bootstrap.js installs it lazily), not subject to the module allow-list but to the outbound rules.
// Bodies are buffered (no streams). See docs/modules.md (## fetch).
(function (module, exports, require, host, lib) {
    'use strict';

    const {Buffer} = require('buffer');
    const {URL, URLSearchParams} = require('url');
    const jsonParse = JSON.parse;
    const jsonStringify = JSON.stringify;
    const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    const NORMALIZED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

    class Headers {
        constructor(init) {
            this._map = new Map();
            if (init === undefined || init === null) {
                return;
            }
            if (init instanceof Headers) {
                init.forEach((value, name) => this.append(name, value));
            } else if (typeof init[Symbol.iterator] === 'function') {
                for (const pair of init) {
                    if (pair.length !== 2) {
                        throw new TypeError('Headers constructor: expected name/value pair to be length 2, found '
                            + pair.length + '.');
                    }
                    this.append(pair[0], pair[1]);
                }
            } else if (typeof init === 'object') {
                for (const name of Object.keys(init)) {
                    this.append(name, init[name]);
                }
            } else {
                throw new TypeError("Headers constructor: argument can't be converted to a sequence or record");
            }
        }
        static _name(name) {
            const text = String(name);
            if (!TOKEN.test(text)) {
                throw new TypeError('Headers.append: "' + text + '" is an invalid header name.');
            }
            return text.toLowerCase();
        }
        append(name, value) {
            const key = Headers._name(name);
            const values = this._map.get(key) || [];
            values.push(String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''));
            this._map.set(key, values);
        }
        set(name, value) {
            this._map.delete(Headers._name(name));
            this.append(name, value);
        }
        get(name) {
            const values = this._map.get(Headers._name(name));
            return values === undefined ? null : values.join(', ');
        }
        getSetCookie() {
            return (this._map.get('set-cookie') || []).slice();
        }
        has(name) {
            return this._map.has(Headers._name(name));
        }
        delete(name) {
            this._map.delete(Headers._name(name));
        }
        * entries() {
            for (const name of [...this._map.keys()].sort()) {
                if (name === 'set-cookie') {
                    for (const value of this._map.get(name)) {
                        yield [name, value];
                    }
                } else {
                    yield [name, this._map.get(name).join(', ')];
                }
            }
        }
        * keys() {
            for (const [name] of this.entries()) {
                yield name;
            }
        }
        * values() {
            for (const [, value] of this.entries()) {
                yield value;
            }
        }
        forEach(callback, thisArg) {
            for (const [name, value] of this.entries()) {
                callback.call(thisArg, value, name, this);
            }
        }
        [Symbol.iterator]() {
            return this.entries();
        }
        get [Symbol.toStringTag]() {
            return 'Headers';
        }
    }

    // Body extraction as in the Fetch standard: the bytes and the Content-Type they imply (if any).
    function extractBody(body) {
        if (body === undefined || body === null) {
            return {bytes: null, type: null};
        }
        if (typeof body === 'string') {
            return {bytes: Buffer.from(body, 'utf8'), type: 'text/plain;charset=UTF-8'};
        }
        if (body instanceof URLSearchParams) {
            return {bytes: Buffer.from(body.toString(), 'utf8'),
                type: 'application/x-www-form-urlencoded;charset=UTF-8'};
        }
        if (body instanceof ArrayBuffer) {
            return {bytes: Buffer.from(new Uint8Array(body)), type: null};
        }
        if (ArrayBuffer.isView(body)) {
            return {bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength), type: null};
        }
        return {bytes: Buffer.from(String(body), 'utf8'), type: 'text/plain;charset=UTF-8'};
    }

    class Body {
        _initBody(bytes) {
            this._bytes = bytes;
            this.bodyUsed = false;
        }
        _consume() {
            if (this.bodyUsed) {
                return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
            }
            this.bodyUsed = true;
            return Promise.resolve(this._bytes || Buffer.alloc(0));
        }
        text() {
            return this._consume().then((bytes) => bytes.toString('utf8').replace(/^\uFEFF/, ''));
        }
        json() {
            return this.text().then((text) => jsonParse(text));
        }
        arrayBuffer() {
            return this._consume().then((bytes) => {
                const copy = new Uint8Array(bytes.length);
                copy.set(bytes);
                return copy.buffer;
            });
        }
        get body() {
            return this._bytes === null ? null : {locked: false};
        }
    }

    class Request extends Body {
        constructor(input, init) {
            super();
            const options = init || {};
            const from = input instanceof Request ? input : null;
            let url;
            try {
                url = new URL(from ? from.url : String(input));
            } catch (e) {
                throw new TypeError('Failed to parse URL from ' + String(input));
            }
            if (url.username || url.password) {
                throw new TypeError('Request cannot be constructed from a URL that includes credentials: '
                    + url.href);
            }
            this.url = url.href;
            let method = options.method !== undefined ? String(options.method) : (from ? from.method : 'GET');
            if (!TOKEN.test(method)) {
                throw new TypeError("'" + method + "' is not a valid HTTP method.");
            }
            if (NORMALIZED_METHODS.includes(method.toUpperCase())) {
                method = method.toUpperCase();
            }
            this.method = method;
            this.headers = new Headers(options.headers !== undefined ? options.headers : (from ? from.headers : {}));
            this.redirect = options.redirect || (from ? from.redirect : 'follow');
            const given = options.body !== undefined ? extractBody(options.body)
                : {bytes: from ? from._bytes : null, type: null};
            if (given.bytes !== null && (method === 'GET' || method === 'HEAD')) {
                throw new TypeError('Request with GET/HEAD method cannot have body.');
            }
            if (given.type !== null && !this.headers.has('content-type')) {
                this.headers.set('content-type', given.type);
            }
            this._initBody(given.bytes);
            this.signal = options.signal || null;
        }
        clone() {
            return new Request(this);
        }
    }

    class Response extends Body {
        constructor(body, init) {
            super();
            const options = init || {};
            const extracted = extractBody(body);
            this.status = options.status === undefined ? 200 : Number(options.status);
            if (this.status < 200 || this.status > 599) {
                throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
            }
            this.statusText = options.statusText === undefined ? '' : String(options.statusText);
            this.headers = new Headers(options.headers);
            if (extracted.type !== null && !this.headers.has('content-type')) {
                this.headers.set('content-type', extracted.type);
            }
            this.ok = this.status >= 200 && this.status < 300;
            this.url = options._url || '';
            this.redirected = options._redirected === true;
            this.type = options._url ? 'basic' : 'default';
            this._initBody(extracted.bytes);
        }
        static json(data, init) {
            const options = Object.assign({}, init);
            options.headers = new Headers(options.headers);
            if (!options.headers.has('content-type')) {
                options.headers.set('content-type', 'application/json');
            }
            return new Response(jsonStringify(data), options);
        }
        static error() {
            const response = new Response(null, {status: 200});
            response.status = 0;
            response.ok = false;
            response.type = 'error';
            return response;
        }
        static redirect(url, status) {
            return new Response(null, {status: status || 302, headers: {location: new URL(String(url)).href}});
        }
        clone() {
            const copy = new Response(this._bytes, {status: this.status, statusText: this.statusText,
                headers: this.headers, _url: this.url, _redirected: this.redirected});
            return copy;
        }
    }

    function fetchFailed(cause) {
        const error = new TypeError('fetch failed');
        error.cause = cause;
        return error;
    }

    function fromHost(request, reply) {
        const response = new Response(null, {status: 200, _url: reply.url, _redirected: reply.redirects > 0});
        response.status = reply.status;
        response.ok = reply.status >= 200 && reply.status < 300;
        response.statusText = reply.statusText;
        for (const [name, value] of reply.rawHeaders) {
            response.headers.append(name, value);
        }
        const noBody = request.method === 'HEAD' || [101, 204, 205, 304].includes(reply.status);
        response._initBody(noBody ? null : Buffer.from(reply.body, 'base64'));
        return response;
    }

    function fetch(input, init) {
        return new Promise((resolve, reject) => {
            const request = new Request(input, init);
            if (!/^https?:$/.test(new URL(request.url).protocol)) {
                throw fetchFailed(new Error('unknown scheme'));
            }
            const headers = new Headers(request.headers);
            for (const [name, value] of [['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'],
                ['user-agent', 'node'], ['accept-encoding', 'gzip, deflate']]) {
                if (!headers.has(name)) {
                    headers.set(name, value);
                }
            }
            const bytes = request._bytes === null && ['POST', 'PUT', 'PATCH'].includes(request.method)
                ? Buffer.alloc(0) : request._bytes;
            const send = {method: request.method, url: request.url, headers: [...headers.entries()],
                body: bytes === null ? null : bytes.toString('base64'), timeoutMs: 0,
                maxRedirects: request.redirect === 'follow' ? 20 : 0, decompress: true};
            host.send(jsonStringify(send), (errorJson, resultJson) => {
                if (errorJson !== null && errorJson !== undefined) {
                    const cause = lib.error(errorJson);
                    if (cause.code === 'ERR_TOO_MANY_REDIRECTS') {
                        cause.message = 'redirect count exceeded';
                    }
                    reject(fetchFailed(cause));
                    return;
                }
                const reply = jsonParse(resultJson);
                if (request.redirect === 'error' && [301, 302, 303, 307, 308].includes(reply.status)) {
                    reject(fetchFailed(new Error('unexpected redirect')));
                    return;
                }
                resolve(fromHost(request, reply));
            });
        });
    }

    module.exports = {fetch, Headers, Request, Response};
});
