// npm `axios` 1.x (Node http adapter behaviour) over HttpPrimitive: promise API, instances, interceptors, AxiosError.
// Bodies are buffered (no streams). See docs/modules.md (## axios) for what is supported.
(function (module, exports, require, host, lib) {
    'use strict';

    const {Buffer} = require('buffer');
    const {URL, URLSearchParams} = require('url');
    const jsonParse = JSON.parse;
    const jsonStringify = JSON.stringify;
    const VERSION = '1.7.9';

    class AxiosError extends Error {
        constructor(message, code, config, request, response) {
            super(message);
            this.name = 'AxiosError';
            this.isAxiosError = true;
            if (code) {
                this.code = code;
            }
            if (config) {
                this.config = config;
            }
            if (request) {
                this.request = request;
            }
            if (response) {
                this.response = response;
                this.status = response.status;
            }
        }
        toJSON() {
            return {message: this.message, name: this.name, code: this.code, status: this.status,
                config: this.config && {url: this.config.url, method: this.config.method}};
        }
        static from(error, code, config, request, response) {
            const wrapped = new AxiosError(error.message, code || error.code, config, request, response);
            wrapped.cause = error;
            for (const key of ['errno', 'syscall', 'address', 'port', 'hostname']) {
                if (error[key] !== undefined) {
                    wrapped[key] = error[key];
                }
            }
            return wrapped;
        }
    }
    for (const code of ['ERR_BAD_OPTION_VALUE', 'ERR_BAD_OPTION', 'ECONNABORTED', 'ETIMEDOUT', 'ERR_NETWORK',
        'ERR_FR_TOO_MANY_REDIRECTS', 'ERR_DEPRECATED', 'ERR_BAD_RESPONSE', 'ERR_BAD_REQUEST', 'ERR_CANCELED',
        'ERR_NOT_SUPPORT', 'ERR_INVALID_URL']) {
        AxiosError[code] = code;
    }

    function isPlainObject(value) {
        if (value === null || typeof value !== 'object') {
            return false;
        }
        const proto = Object.getPrototypeOf(value);
        return proto === null || proto === Object.prototype;
    }
    function merge(target, source) {
        for (const key of Object.keys(source || {})) {
            const value = source[key];
            if (isPlainObject(value)) {
                target[key] = merge(isPlainObject(target[key]) ? target[key] : {}, value);
            } else if (value !== undefined) {
                target[key] = value;
            }
        }
        return target;
    }

    // A plain object of response headers (lower-case names) with AxiosHeaders' `get`/`has` as hidden helpers.
    function responseHeaders(headers) {
        const out = Object.assign({}, headers);
        Object.defineProperty(out, 'get', {value: (name) => out[String(name).toLowerCase()], enumerable: false});
        Object.defineProperty(out, 'has', {value: (name) => String(name).toLowerCase() in out, enumerable: false});
        Object.defineProperty(out, 'toJSON', {value: () => Object.assign({}, out), enumerable: false});
        return out;
    }

    // buildURL: axios's own encoding (brackets, colons, commas, dollars kept; spaces as '+').
    function encode(value) {
        return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%24/g, '$').replace(/%2C/gi, ',')
            .replace(/%20/g, '+').replace(/%5B/gi, '[').replace(/%5D/gi, ']');
    }
    function serializeParams(params, serializer) {
        if (typeof serializer === 'function') {
            return serializer(params);
        }
        if (serializer && typeof serializer.serialize === 'function') {
            return serializer.serialize(params);
        }
        if (params instanceof URLSearchParams) {
            return params.toString();
        }
        const parts = [];
        for (const key of Object.keys(params)) {
            let value = params[key];
            if (value === null || value === undefined) {
                continue;
            }
            const name = Array.isArray(value) ? key + '[]' : key;
            for (let item of Array.isArray(value) ? value : [value]) {
                if (item instanceof Date) {
                    item = item.toISOString();
                } else if (item !== null && typeof item === 'object') {
                    item = jsonStringify(item);
                }
                parts.push(encode(name) + '=' + encode(String(item)));
            }
        }
        return parts.join('&');
    }
    function fullUrl(config) {
        let url = config.url === undefined ? '' : String(config.url);
        const absolute = /^([a-z][a-z\d+\-.]*:)?\/\//i.test(url);
        if (config.baseURL && !absolute) {
            url = url ? String(config.baseURL).replace(/\/?\/$/, '') + '/' + url.replace(/^\/+/, '')
                : String(config.baseURL);
        }
        if (config.params) {
            const query = serializeParams(config.params, config.paramsSerializer);
            if (query) {
                const hash = url.indexOf('#');
                url = (hash === -1 ? url : url.slice(0, hash)) + (url.indexOf('?') === -1 ? '?' : '&') + query;
            }
        }
        return url;
    }

    function findHeader(headers, name) {
        return Object.keys(headers).find((key) => key.toLowerCase() === name);
    }
    function setHeader(headers, name, value, onlyIfAbsent) {
        const existing = findHeader(headers, name.toLowerCase());
        if (existing !== undefined) {
            if (onlyIfAbsent) {
                return;
            }
            delete headers[existing];
        }
        headers[name] = value;
    }
    // defaults.headers.common, then defaults.headers[method], then the request's own headers.
    function flattenHeaders(headers, method) {
        const out = {};
        const source = headers || {};
        const methods = ['delete', 'get', 'head', 'post', 'put', 'patch', 'options', 'common'];
        for (const part of [source.common, source[method]]) {
            Object.keys(part || {}).forEach((name) => setHeader(out, name, part[name], false));
        }
        for (const name of Object.keys(source)) {
            if (!methods.includes(name) && source[name] !== undefined && source[name] !== null
                && source[name] !== false) {
                setHeader(out, name, source[name], false);
            }
        }
        return out;
    }

    function transformRequest(config, headers) {
        const data = config.data;
        if (data === undefined || data === null) {
            return null;
        }
        const type = String(headers[findHeader(headers, 'content-type')] || '');
        if (data instanceof URLSearchParams) {
            setHeader(headers, 'Content-Type', 'application/x-www-form-urlencoded;charset=utf-8', true);
            return Buffer.from(data.toString(), 'utf8');
        }
        if (data instanceof ArrayBuffer) {
            return Buffer.from(new Uint8Array(data));
        }
        if (ArrayBuffer.isView(data)) {
            return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        }
        if (typeof data === 'string') {
            return Buffer.from(data, 'utf8');
        }
        if (type.indexOf('application/x-www-form-urlencoded') > -1 && typeof data === 'object') {
            const form = new URLSearchParams();
            Object.keys(data).forEach((key) => form.append(key, String(data[key])));
            return Buffer.from(form.toString(), 'utf8');
        }
        setHeader(headers, 'Content-Type', 'application/json', true);
        return Buffer.from(jsonStringify(data), 'utf8');
    }

    function transformResponse(config, bytes) {
        const type = config.responseType;
        if (type === 'arraybuffer') {
            return bytes;
        }
        const text = bytes.toString(config.responseEncoding || 'utf8');
        if (text && (type === undefined || type === 'json')) {
            try {
                return jsonParse(text);
            } catch (e) {
                return text;
            }
        }
        return text;
    }

    function networkError(errorJson, config, request) {
        const cause = lib.error(errorJson);
        if (cause.code === 'ETIMEDOUT') {
            const ms = config.timeout || cause.timeout;
            const message = config.timeoutErrorMessage || 'timeout of ' + ms + 'ms exceeded';
            const clarify = config.transitional && config.transitional.clarifyTimeoutError;
            return new AxiosError(message, clarify ? 'ETIMEDOUT' : 'ECONNABORTED', config, request);
        }
        if (cause.code === 'ERR_TOO_MANY_REDIRECTS') {
            return AxiosError.from(Object.assign(new Error('Maximum number of redirects exceeded'),
                {code: 'ERR_FR_TOO_MANY_REDIRECTS'}), null, config, request);
        }
        if (cause.code === 'ERR_RESPONSE_TOO_LARGE') {
            return new AxiosError('maxContentLength size of ' + cause.limit + ' exceeded', 'ERR_BAD_RESPONSE', config,
                request);
        }
        if (cause.code === 'ERR_INVALID_URL') {
            return AxiosError.from(cause, 'ERR_INVALID_URL', config, request);
        }
        return AxiosError.from(cause, null, config, request);
    }

    function dispatch(config) {
        return new Promise((resolve, reject) => {
            const method = String(config.method || 'get').toLowerCase();
            config.method = method;
            const headers = flattenHeaders(config.headers, method);
            const body = transformRequest(config, headers);
            if (config.auth) {
                const credentials = (config.auth.username || '') + ':' + (config.auth.password || '');
                setHeader(headers, 'Authorization', 'Basic ' + Buffer.from(credentials, 'utf8').toString('base64'),
                    false);
            }
            setHeader(headers, 'User-Agent', 'axios/' + VERSION, true);
            if (config.decompress !== false) {
                setHeader(headers, 'Accept-Encoding', 'gzip, deflate', true);
            }
            config.headers = headers;
            let url;
            try {
                url = new URL(fullUrl(config), 'http://localhost');
                if (!/^(https?:)?\/\//i.test(fullUrl(config))) {
                    throw new TypeError('Invalid URL');
                }
            } catch (e) {
                reject(AxiosError.from(e, 'ERR_INVALID_URL', config));
                return;
            }
            if (url.protocol !== 'http:' && url.protocol !== 'https:') {
                reject(new AxiosError('Unsupported protocol ' + url.protocol, 'ERR_BAD_REQUEST', config));
                return;
            }
            if (url.username || url.password) {
                const credentials = decodeURIComponent(url.username) + ':' + decodeURIComponent(url.password);
                setHeader(headers, 'Authorization', 'Basic ' + Buffer.from(credentials, 'utf8').toString('base64'),
                    true);
                url.username = '';
                url.password = '';
            }
            const upper = method.toUpperCase();
            const request = {method: upper, path: url.pathname + url.search, host: url.hostname,
                protocol: url.protocol};
            const send = {method: upper, url: url.href,
                headers: Object.keys(headers).map((name) => [name, String(headers[name])]),
                body: body === null ? (['POST', 'PUT', 'PATCH'].includes(upper) ? '' : null) : body.toString('base64'),
                timeoutMs: Number(config.timeout) || 0,
                maxRedirects: config.maxRedirects === undefined ? 21 : Number(config.maxRedirects),
                decompress: config.decompress !== false};
            host.send(jsonStringify(send), (errorJson, resultJson) => {
                if (errorJson !== null && errorJson !== undefined) {
                    reject(networkError(errorJson, config, request));
                    return;
                }
                const reply = jsonParse(resultJson);
                const bytes = Buffer.from(reply.body, 'base64');
                if (config.maxContentLength > -1 && bytes.length > config.maxContentLength) {
                    reject(new AxiosError('maxContentLength size of ' + config.maxContentLength + ' exceeded',
                        'ERR_BAD_RESPONSE', config, request));
                    return;
                }
                if (reply.decoded) {
                    delete reply.headers['content-encoding'];
                }
                request.res = {responseUrl: reply.url, redirects: reply.redirects};
                const response = {status: reply.status, statusText: reply.statusText,
                    headers: responseHeaders(reply.headers), config, request,
                    data: transformResponse(config, bytes)};
                const validate = config.validateStatus;
                if (!validate || validate(response.status)) {
                    resolve(response);
                } else {
                    reject(new AxiosError('Request failed with status code ' + response.status,
                        response.status >= 400 && response.status < 500 ? 'ERR_BAD_REQUEST' : 'ERR_BAD_RESPONSE',
                        config, request, response));
                }
            });
        });
    }

    class InterceptorManager {
        constructor() {
            this.handlers = [];
        }
        use(fulfilled, rejected) {
            this.handlers.push({fulfilled, rejected});
            return this.handlers.length - 1;
        }
        eject(id) {
            if (this.handlers[id]) {
                this.handlers[id] = null;
            }
        }
        clear() {
            this.handlers = [];
        }
        forEach(fn) {
            this.handlers.forEach((handler) => handler !== null && fn(handler));
        }
    }

    function defaultConfig() {
        return {
            headers: {common: {Accept: 'application/json, text/plain, */*'}, delete: {}, get: {}, head: {}, post: {},
                put: {}, patch: {}},
            timeout: 0,
            maxContentLength: -1,
            maxBodyLength: -1,
            validateStatus: (status) => status >= 200 && status < 300,
            transitional: {silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: false},
        };
    }

    function createInstance(defaults) {
        const interceptors = {request: new InterceptorManager(), response: new InterceptorManager()};
        function request(configOrUrl, config) {
            const given = typeof configOrUrl === 'string' ? Object.assign({}, config, {url: configOrUrl})
                : Object.assign({}, configOrUrl);
            const merged = merge(merge({}, instance.defaults), given);
            if (given.validateStatus === null) {
                merged.validateStatus = null;
            }
            merged.method = String(merged.method || 'get').toLowerCase();
            let chain = Promise.resolve(merged);
            const requestHandlers = [];
            interceptors.request.forEach((handler) => requestHandlers.unshift(handler));
            requestHandlers.forEach((h) => { chain = chain.then(h.fulfilled, h.rejected); });
            chain = chain.then(dispatch);
            interceptors.response.forEach((h) => { chain = chain.then(h.fulfilled, h.rejected); });
            return chain;
        }
        const instance = function (configOrUrl, config) {
            return request(configOrUrl, config);
        };
        instance.defaults = defaults;
        instance.interceptors = interceptors;
        instance.request = request;
        for (const method of ['delete', 'get', 'head', 'options']) {
            instance[method] = (url, config) => request(Object.assign({}, config, {method, url}));
        }
        for (const method of ['post', 'put', 'patch']) {
            instance[method] = (url, data, config) => request(Object.assign({}, config, {method, url, data}));
        }
        instance.getUri = (config) => fullUrl(merge(merge({}, instance.defaults), config || {}));
        instance.create = (options) => createInstance(merge(merge({}, instance.defaults), options || {}));
        return instance;
    }

    const axios = createInstance(defaultConfig());
    axios.AxiosError = AxiosError;
    axios.isAxiosError = (value) => value !== null && typeof value === 'object' && value.isAxiosError === true;
    axios.isCancel = (value) => !!(value && value.__CANCEL__);
    axios.all = (promises) => Promise.all(promises);
    axios.spread = (callback) => (array) => callback.apply(null, array);
    axios.VERSION = VERSION;
    axios.default = axios;
    module.exports = axios;
});
