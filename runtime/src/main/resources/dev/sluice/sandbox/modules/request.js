// npm `request` 2.x (callback API) over HttpPrimitive. Bodies are buffered (no streams / pipe). Non-2xx answers are
// not errors. See docs/modules.md (## request) for what is supported.
(function (module, exports, require, host, lib) {
    'use strict';

    const {Buffer} = require('buffer');
    const {URL} = require('url');
    const jsonParse = JSON.parse;
    const jsonStringify = JSON.stringify;
    const FOLLOWED_BY_DEFAULT = ['GET', 'HEAD', 'OPTIONS'];

    function isPlainObject(value) {
        return value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value)
            && !(value instanceof Uint8Array) && Object.getPrototypeOf(value) !== null
            && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);
    }
    // extend(true, ...) as request's defaults use it: plain objects merge, anything else replaces.
    function deepMerge(target, source) {
        for (const key of Object.keys(source || {})) {
            const value = source[key];
            if (isPlainObject(value)) {
                target[key] = deepMerge(isPlainObject(target[key]) ? target[key] : {}, value);
            } else if (value !== undefined) {
                target[key] = value;
            }
        }
        return target;
    }

    // The `qs` package's stringify with its defaults: RFC 3986 encoding, `a[b]=c` for objects, `a[0]=x` for arrays.
    function encode(text) {
        return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    }
    function qsStringify(object) {
        const parts = [];
        const add = (prefix, value) => {
            if (value === undefined || typeof value === 'function') {
                return;
            }
            if (value === null) {
                parts.push(encode(prefix) + '=');
            } else if (value instanceof Date) {
                parts.push(encode(prefix) + '=' + encode(value.toISOString()));
            } else if (Array.isArray(value)) {
                value.forEach((item, index) => add(prefix + '[' + index + ']', item));
            } else if (typeof value === 'object' && !Buffer.isBuffer(value)) {
                Object.keys(value).forEach((key) => add(prefix + '[' + key + ']', value[key]));
            } else {
                parts.push(encode(prefix) + '=' + encode(String(value)));
            }
        };
        Object.keys(object || {}).forEach((key) => add(key, object[key]));
        return parts.join('&');
    }

    function initParams(uri, options, callback) {
        if (typeof options === 'function') {
            callback = options;
        }
        const params = {};
        if (options !== null && typeof options === 'object') {
            deepMerge(params, options);
        } else if (typeof uri === 'string') {
            params.uri = uri;
        }
        if (typeof uri === 'string') {
            params.uri = uri;
        } else if (uri !== null && typeof uri === 'object') {
            deepMerge(params, uri);
        }
        params.callback = callback || params.callback;
        return params;
    }

    function setHeader(headers, name, value, onlyIfAbsent) {
        const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
        if (existing !== undefined && onlyIfAbsent) {
            return;
        }
        if (existing !== undefined) {
            delete headers[existing];
        }
        headers[name] = value;
    }
    function hasHeader(headers, name) {
        return Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase());
    }

    function target(params) {
        let uri = params.uri !== undefined ? params.uri : params.url;
        if (uri === undefined || uri === null || uri === '') {
            throw new Error('options.uri is a required argument');
        }
        uri = uri instanceof URL ? uri.href : (typeof uri === 'object' && uri.href ? uri.href : String(uri));
        if (params.baseUrl) {
            uri = String(params.baseUrl).replace(/\/$/, '') + '/' + uri.replace(/^\//, '');
        }
        let url;
        try {
            url = new URL(uri);
        } catch (e) {
            throw new Error('Invalid URI "' + uri + '"');
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            throw new Error('Invalid protocol: ' + url.protocol);
        }
        const query = typeof params.qs === 'string' ? params.qs : qsStringify(params.qs);
        if (query) {
            url.search = url.search ? url.search + '&' + query : '?' + query;
        }
        return url;
    }

    function requestBody(params, headers) {
        let body = params.body;
        if (params.form !== undefined) {
            body = typeof params.form === 'string' ? params.form : qsStringify(params.form);
            setHeader(headers, 'content-type', 'application/x-www-form-urlencoded', false);
        } else if (params.json !== undefined && params.json !== false) {
            setHeader(headers, 'accept', 'application/json', true);
            if (typeof params.json !== 'boolean') {
                body = params.json;
            }
            if (body !== undefined && !Buffer.isBuffer(body) && typeof body !== 'string') {
                body = jsonStringify(body);
            }
            if (body !== undefined) {
                setHeader(headers, 'content-type', 'application/json', true);
            }
        }
        if (body === undefined || body === null) {
            return null;
        }
        if (Buffer.isBuffer(body) || body instanceof Uint8Array) {
            return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
        }
        if (typeof body === 'string') {
            return Buffer.from(body, 'utf8');
        }
        throw new Error('Argument error, options.body.');
    }

    function authorize(params, headers, url) {
        const auth = params.auth;
        if (auth && auth.bearer !== undefined) {
            const token = typeof auth.bearer === 'function' ? auth.bearer() : auth.bearer;
            setHeader(headers, 'authorization', 'Bearer ' + token, false);
            return;
        }
        const user = auth ? (auth.user !== undefined ? auth.user : auth.username) : undefined;
        const pass = auth ? (auth.pass !== undefined ? auth.pass : auth.password) : undefined;
        if (user !== undefined || pass !== undefined) {
            const credentials = (user === undefined ? '' : user) + ':' + (pass === undefined ? '' : pass);
            setHeader(headers, 'authorization', 'Basic ' + Buffer.from(credentials, 'utf8').toString('base64'), false);
        } else if (url.username || url.password) {
            const credentials = decodeURIComponent(url.username) + ':' + decodeURIComponent(url.password);
            setHeader(headers, 'authorization', 'Basic ' + Buffer.from(credentials, 'utf8').toString('base64'), true);
        }
    }

    function failure(errorJson, params, url) {
        const error = lib.error(errorJson);
        if (error.code === 'ETIMEDOUT' && error.phase !== 'connect') {
            error.code = 'ESOCKETTIMEDOUT';
            error.message = 'ESOCKETTIMEDOUT';
        }
        if (error.code === 'ERR_TOO_MANY_REDIRECTS') {
            return new Error('Exceeded maxRedirects. Probably stuck in a redirect loop ' + error.url);
        }
        delete error.phase;
        delete error.timeout;
        return error;
    }

    function responseBody(params, reply, method) {
        const bytes = Buffer.from(reply.body, 'base64');
        let body;
        if (bytes.length > 0) {
            body = params.encoding === null ? bytes : bytes.toString(params.encoding || 'utf8');
        }
        if (params.json && typeof body === 'string') {
            try {
                body = jsonParse(body);
            } catch (e) {
                // request keeps the text when it is not JSON
            }
        }
        if (body === undefined && !params.json) {
            body = params.encoding === null ? Buffer.alloc(0) : '';
        }
        return body;
    }

    // A minimal Request object: `on`/`once` for 'response', 'complete' and 'error', and `abort()`.
    class RequestHandle {
        constructor() {
            this._listeners = {};
            this._aborted = false;
        }
        on(event, listener) {
            (this._listeners[event] = this._listeners[event] || []).push(listener);
            return this;
        }
        once(event, listener) {
            return this.on(event, listener);
        }
        emit(event, ...args) {
            (this._listeners[event] || []).forEach((listener) => listener.apply(this, args));
            return (this._listeners[event] || []).length > 0;
        }
        abort() {
            this._aborted = true;
        }
    }

    function run(params) {
        const handle = new RequestHandle();
        const callback = typeof params.callback === 'function' ? params.callback : null;
        const fail = (error) => {
            if (handle._aborted) {
                return;
            }
            const handled = handle.emit('error', error);
            if (callback) {
                callback.call(handle, error);
            } else if (!handled) {
                throw error;
            }
        };
        let url;
        let send;
        try {
            url = target(params);
            const method = String(params.method || 'GET').toUpperCase();
            const headers = deepMerge({}, params.headers || {});
            const body = requestBody(params, headers);
            authorize(params, headers, url);
            if (params.gzip) {
                setHeader(headers, 'accept-encoding', 'gzip, deflate', true);
            }
            const follows = params.followRedirect !== false
                && (params.followAllRedirects === true || FOLLOWED_BY_DEFAULT.includes(method));
            url.username = '';
            url.password = '';
            send = {method, url: url.href, headers: Object.keys(headers).map((name) => [name, String(headers[name])]),
                body: body === null && ['POST', 'PUT', 'PATCH'].includes(method) ? '' : body && body.toString('base64'),
                timeoutMs: Number(params.timeout) || 0,
                maxRedirects: follows ? (params.maxRedirects === undefined ? 10 : Number(params.maxRedirects)) : 0,
                decompress: params.gzip === true};
            handle.uri = url;
            handle.method = method;
            handle.headers = headers;
            handle.href = url.href;
        } catch (e) {
            setImmediate(() => fail(e));
            return handle;
        }
        host.send(jsonStringify(send), (errorJson, resultJson) => {
            if (errorJson !== null && errorJson !== undefined) {
                fail(failure(errorJson, params, url));
                return;
            }
            if (handle._aborted) {
                return;
            }
            const reply = jsonParse(resultJson);
            const response = {statusCode: reply.status, statusMessage: reply.statusText, headers: reply.headers,
                rawHeaders: [].concat(...reply.rawHeaders), httpVersion: '1.1',
                request: {uri: new URL(reply.url), href: reply.url, method: send.method, headers: handle.headers}};
            response.body = responseBody(params, reply, send.method);
            response.toJSON = () => ({statusCode: response.statusCode, body: response.body,
                headers: response.headers, request: {uri: response.request.uri, method: send.method,
                    headers: handle.headers}});
            handle.response = response;
            handle.emit('response', response);
            handle.emit('complete', response, response.body);
            if (callback) {
                callback.call(handle, null, response, response.body);
            }
        });
        return handle;
    }

    function wrap(defaults, verb) {
        return function (uri, options, callback) {
            const params = deepMerge(deepMerge({}, defaults), initParams(uri, options, callback));
            if (verb) {
                params.method = verb;
            }
            return run(params);
        };
    }

    function build(defaults) {
        const request = wrap(defaults, null);
        for (const [name, verb] of [['get', 'GET'], ['head', 'HEAD'], ['options', 'OPTIONS'], ['post', 'POST'],
            ['put', 'PUT'], ['patch', 'PATCH'], ['del', 'DELETE'], ['delete', 'DELETE']]) {
            request[name] = wrap(defaults, verb);
        }
        request.defaults = (options) => build(deepMerge(deepMerge({}, defaults), options || {}));
        request.jar = () => ({setCookie() {}, getCookieString() { return ''; }, getCookies() { return []; }});
        request.cookie = (text) => String(text);
        request.forever = (agentOptions, options) => build(deepMerge(deepMerge({}, defaults), options || {}));
        request.initParams = initParams;
        return request;
    }

    module.exports = build({});
});
