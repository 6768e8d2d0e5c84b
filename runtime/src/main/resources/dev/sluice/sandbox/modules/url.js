// Node's `url` module: WHATWG-style URL and URLSearchParams, plus the legacy url.parse/url.format that older scripts
// use on connection strings. The parser follows the WHATWG algorithm for what database and HTTP URLs need; it does
// not do IDNA (non-ASCII host names are kept, lower-cased) or IPv4 number normalization.
(function (module, exports, require, host, lib) {
    'use strict';

    const {Buffer} = require('buffer');
    const SPECIAL = {'ftp:': '21', 'file:': '', 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443'};
    const C0 = (c) => c < 0x20 || c > 0x7E;
    const FRAGMENT_SET = (c) => C0(c) || ' "<>`'.includes(String.fromCharCode(c));
    const QUERY_SET = (c) => C0(c) || ' "#<>'.includes(String.fromCharCode(c));
    const SPECIAL_QUERY_SET = (c) => QUERY_SET(c) || c === 0x27;
    const PATH_SET = (c) => QUERY_SET(c) || '?`{}'.includes(String.fromCharCode(c));
    const USERINFO_SET = (c) => PATH_SET(c) || '/:;=@[\\]^|'.includes(String.fromCharCode(c));

    function invalid(input) {
        const error = new TypeError('Invalid URL');
        error.code = 'ERR_INVALID_URL';
        error.input = input;
        return error;
    }
    function percentEncode(string, set) {
        let out = '';
        for (const ch of string) {
            const c = ch.charCodeAt(0);
            if (ch.length === 1 && !set(c)) {
                out += ch;
                continue;
            }
            for (const byte of Buffer.from(ch, 'utf8')) {
                out += '%' + (byte < 16 ? '0' : '') + byte.toString(16).toUpperCase();
            }
        }
        return out;
    }
    function percentDecode(string, plusIsSpace) {
        const bytes = [];
        const text = plusIsSpace ? string.replace(/\+/g, ' ') : string;
        for (let i = 0; i < text.length; i++) {
            const ch = text[i];
            if (ch === '%' && /^[0-9a-fA-F]{2}$/.test(text.substr(i + 1, 2))) {
                bytes.push(parseInt(text.substr(i + 1, 2), 16));
                i += 2;
            } else {
                const code = text.codePointAt(i);
                if (code > 0xFFFF) {
                    i++;
                }
                for (const byte of Buffer.from(String.fromCodePoint(code), 'utf8')) {
                    bytes.push(byte);
                }
            }
        }
        return Buffer.from(bytes).toString('utf8');
    }

    // --- parsing into a record {scheme, username, password, host, port, path, opaque, query, fragment} ---
    function parse(input, base) {
        let rest = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
        const record = {scheme: '', username: '', password: '', host: null, port: '', path: '', opaque: false,
            query: null, fragment: null};
        const hash = rest.indexOf('#');
        if (hash >= 0) {
            record.fragment = percentEncode(rest.slice(hash + 1), FRAGMENT_SET);
            rest = rest.slice(0, hash);
        }
        const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
        if (scheme === null) {
            if (base === undefined) {
                throw invalid(input);
            }
            return resolve(rest, record, base, input);
        }
        record.scheme = scheme[1].toLowerCase() + ':';
        rest = rest.slice(scheme[0].length);
        const special = record.scheme in SPECIAL;
        if (special) {
            rest = rest.replace(/\\/g, '/');
        }
        if (special && record.scheme !== 'file:') {
            rest = rest.replace(/^\/*/, '');
            return parseAfterAuthority(parseAuthority(rest, record, input), record, input);
        }
        if (rest.startsWith('//')) {
            return parseAfterAuthority(parseAuthority(rest.slice(2), record, input), record, input);
        }
        if (!rest.startsWith('/')) {
            return parseOpaque(rest, record);
        }
        return parseAfterAuthority(rest, record, input);
    }
    function parseOpaque(rest, record) {
        record.opaque = true;
        const question = rest.indexOf('?');
        record.path = percentEncode(question >= 0 ? rest.slice(0, question) : rest, C0);
        if (question >= 0) {
            record.query = percentEncode(rest.slice(question + 1), QUERY_SET);
        }
        return record;
    }
    function parseAuthority(rest, record, input) {
        const end = rest.search(/[/?]/);
        const authority = end >= 0 ? rest.slice(0, end) : rest;
        const at = authority.lastIndexOf('@');
        if (at >= 0) {
            const userinfo = authority.slice(0, at);
            const colon = userinfo.indexOf(':');
            record.username = percentEncode(colon >= 0 ? userinfo.slice(0, colon) : userinfo, USERINFO_SET);
            record.password = colon >= 0 ? percentEncode(userinfo.slice(colon + 1), USERINFO_SET) : '';
        }
        setHostAndPort(authority.slice(at + 1), record, input);
        return end >= 0 ? rest.slice(end) : '';
    }
    function setHostAndPort(hostPort, record, input) {
        const bracket = hostPort.lastIndexOf(']');
        const colon = hostPort.lastIndexOf(':');
        let hostname = hostPort;
        let port = '';
        if (colon > bracket) {
            hostname = hostPort.slice(0, colon);
            port = hostPort.slice(colon + 1);
        }
        record.host = parseHost(hostname, record.scheme, input);
        record.port = parsePort(port, record.scheme, input);
    }
    function parseHost(hostname, scheme, input) {
        const special = scheme in SPECIAL;
        if (hostname.startsWith('[')) {
            if (!/^\[[0-9a-fA-F:.]+\]$/.test(hostname)) {
                throw invalid(input);
            }
            return hostname.toLowerCase();
        }
        if (!special) {
            if (/[\u0000\t\n\r #/:<>?@[\\\]^|]/.test(hostname)) {
                throw invalid(input);
            }
            return percentEncode(hostname, C0);
        }
        const decoded = percentDecode(hostname, false).toLowerCase();
        if ((decoded === '' && scheme !== 'file:') || /[\u0000-\u0020#%/:<>?@[\\\]^|\u007f]/.test(decoded)) {
            throw invalid(input);
        }
        return decoded;
    }
    function parsePort(port, scheme, input) {
        if (port === '') {
            return '';
        }
        if (!/^[0-9]+$/.test(port) || Number(port) > 65535) {
            throw invalid(input);
        }
        const normalized = String(Number(port));
        return SPECIAL[scheme] === normalized ? '' : normalized;
    }
    function parseAfterAuthority(rest, record, input) {
        const question = rest.indexOf('?');
        const path = question >= 0 ? rest.slice(0, question) : rest;
        if (question >= 0) {
            record.query = percentEncode(rest.slice(question + 1),
                record.scheme in SPECIAL ? SPECIAL_QUERY_SET : QUERY_SET);
        }
        record.path = normalizePath(path, record);
        return record;
    }
    function normalizePath(path, record) {
        const special = record.scheme in SPECIAL;
        const text = special ? path.replace(/\\/g, '/') : path;
        if (text === '') {
            return special ? '/' : '';
        }
        const segments = text.split('/').slice(1);
        const out = [];
        segments.forEach((segment, index) => {
            const last = index === segments.length - 1;
            const lower = segment.toLowerCase();
            if (lower === '..' || lower === '.%2e' || lower === '%2e.' || lower === '%2e%2e') {
                out.pop();
                if (last) {
                    out.push('');
                }
            } else if (lower === '.' || lower === '%2e') {
                if (last) {
                    out.push('');
                }
            } else {
                out.push(percentEncode(segment, PATH_SET));
            }
        });
        return '/' + out.join('/');
    }
    function resolve(rest, record, base, input) {
        const from = base instanceof URL ? base[RECORD] : parse(base);
        const special = from.scheme in SPECIAL;
        const text = special ? rest.replace(/\\/g, '/') : rest;
        record.scheme = from.scheme;
        if (from.opaque) {
            if (text !== '' || record.fragment === null) {
                throw invalid(input);
            }
            return Object.assign({}, from, {fragment: record.fragment});
        }
        if (text.startsWith('//')) {
            return parseAfterAuthority(parseAuthority(text.slice(2), record, input), record, input);
        }
        Object.assign(record, {username: from.username, password: from.password, host: from.host, port: from.port});
        if (text.startsWith('/')) {
            return parseAfterAuthority(text, record, input);
        }
        if (text === '' || text.startsWith('?')) {
            record.path = from.path;
            record.query = text === '' ? from.query : null;
            return text === '' ? record : parseQueryOnly(text.slice(1), record);
        }
        const directory = from.path.slice(0, from.path.lastIndexOf('/') + 1) || '/';
        return parseAfterAuthority(directory + text, record, input);
    }
    function parseQueryOnly(query, record) {
        record.query = percentEncode(query, record.scheme in SPECIAL ? SPECIAL_QUERY_SET : QUERY_SET);
        return record;
    }
    function serialize(record) {
        let out = record.scheme;
        if (record.host !== null) {
            out += '//';
            if (record.username !== '' || record.password !== '') {
                out += record.username + (record.password !== '' ? ':' + record.password : '') + '@';
            }
            out += record.host + (record.port !== '' ? ':' + record.port : '');
        }
        out += record.path;
        if (record.query !== null) {
            out += '?' + record.query;
        }
        if (record.fragment !== null) {
            out += '#' + record.fragment;
        }
        return out;
    }

    const RECORD = Symbol('url record');
    const PARAMS = Symbol('url search params');
    const LIST = Symbol('search params list');
    const OWNER = Symbol('search params owner');

    class URL {
        constructor(input, base) {
            if (arguments.length === 0) {
                throw new TypeError('The "url" argument must be specified');
            }
            this[RECORD] = parse(input instanceof URL ? input.href : String(input),
                base === undefined ? undefined : (base instanceof URL ? base : String(base)));
            this[PARAMS] = new URLSearchParams(this[RECORD].query || '');
            this[PARAMS][OWNER] = this;
        }
        static canParse(input, base) {
            try {
                new URL(input, base);
                return true;
            } catch (e) {
                return false;
            }
        }
        get href() { return serialize(this[RECORD]); }
        set href(value) {
            this[RECORD] = parse(String(value));
            this[PARAMS][LIST] = parseParams(this[RECORD].query || '');
        }
        get origin() {
            const record = this[RECORD];
            return record.scheme in SPECIAL && record.scheme !== 'file:' ? record.scheme + '//' + this.host : 'null';
        }
        get protocol() { return this[RECORD].scheme; }
        set protocol(value) {
            const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):?/.exec(String(value));
            if (scheme !== null && (scheme[1].toLowerCase() + ':' in SPECIAL) === (this[RECORD].scheme in SPECIAL)) {
                this[RECORD].scheme = scheme[1].toLowerCase() + ':';
                this[RECORD].port = this[RECORD].port === SPECIAL[this[RECORD].scheme] ? '' : this[RECORD].port;
            }
        }
        get username() { return this[RECORD].username; }
        set username(value) {
            if (this[RECORD].host) {
                this[RECORD].username = percentEncode(String(value), USERINFO_SET);
            }
        }
        get password() { return this[RECORD].password; }
        set password(value) {
            if (this[RECORD].host) {
                this[RECORD].password = percentEncode(String(value), USERINFO_SET);
            }
        }
        get host() {
            const record = this[RECORD];
            return record.host === null ? '' : record.host + (record.port !== '' ? ':' + record.port : '');
        }
        set host(value) {
            if (!this[RECORD].opaque) {
                const copy = Object.assign({}, this[RECORD]);
                try {
                    setHostAndPort(String(value), copy, value);
                    this[RECORD] = copy;
                } catch (e) {
                    // invalid hosts are ignored, as in Node
                }
            }
        }
        get hostname() { return this[RECORD].host === null ? '' : this[RECORD].host; }
        set hostname(value) {
            if (!this[RECORD].opaque) {
                try {
                    this[RECORD].host = parseHost(String(value), this[RECORD].scheme, value);
                } catch (e) {
                    // ignored, as in Node
                }
            }
        }
        get port() { return this[RECORD].port; }
        set port(value) {
            try {
                this[RECORD].port = parsePort(String(value).replace(/[^0-9].*$/, ''), this[RECORD].scheme, value);
            } catch (e) {
                // ignored, as in Node
            }
        }
        get pathname() { return this[RECORD].path; }
        set pathname(value) {
            if (!this[RECORD].opaque) {
                const text = String(value);
                this[RECORD].path = normalizePath(text.startsWith('/') ? text : '/' + text, this[RECORD]);
            }
        }
        get search() {
            const query = this[RECORD].query;
            return query === null || query === '' ? '' : '?' + query;
        }
        set search(value) {
            const text = String(value).replace(/^\?/, '');
            this[RECORD].query = text === '' ? null
                : percentEncode(text, this[RECORD].scheme in SPECIAL ? SPECIAL_QUERY_SET : QUERY_SET);
            this[PARAMS][LIST] = parseParams(text);
        }
        get searchParams() { return this[PARAMS]; }
        get hash() {
            const fragment = this[RECORD].fragment;
            return fragment === null || fragment === '' ? '' : '#' + fragment;
        }
        set hash(value) {
            const text = String(value).replace(/^#/, '');
            this[RECORD].fragment = text === '' ? null : percentEncode(text, FRAGMENT_SET);
        }
        toString() { return this.href; }
        toJSON() { return this.href; }
        get [Symbol.toStringTag]() { return 'URL'; }
    }

    // --- URLSearchParams (application/x-www-form-urlencoded) ---
    function parseParams(text) {
        const list = [];
        for (const part of text.split('&')) {
            if (part === '') {
                continue;
            }
            const equals = part.indexOf('=');
            const name = equals >= 0 ? part.slice(0, equals) : part;
            const value = equals >= 0 ? part.slice(equals + 1) : '';
            list.push([percentDecode(name, true), percentDecode(value, true)]);
        }
        return list;
    }
    function formEncode(string) {
        let out = '';
        for (const byte of Buffer.from(string, 'utf8')) {
            if (byte === 0x20) {
                out += '+';
            } else if ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte === 0x2A || byte === 0x2D || byte === 0x2E || byte === 0x5F) {
                out += String.fromCharCode(byte);
            } else {
                out += '%' + (byte < 16 ? '0' : '') + byte.toString(16).toUpperCase();
            }
        }
        return out;
    }

    class URLSearchParams {
        constructor(init) {
            this[OWNER] = null;
            if (init === undefined || init === null) {
                this[LIST] = [];
            } else if (init instanceof URLSearchParams) {
                this[LIST] = init[LIST].map(([name, value]) => [name, value]);
            } else if (typeof init === 'object' && typeof init[Symbol.iterator] === 'function') {
                this[LIST] = Array.from(init, (pair) => {
                    const entry = Array.from(pair);
                    if (entry.length !== 2) {
                        const error = new TypeError('Each query pair must be an iterable [name, value] tuple');
                        error.code = 'ERR_INVALID_TUPLE';
                        throw error;
                    }
                    return [String(entry[0]), String(entry[1])];
                });
            } else if (typeof init === 'object') {
                this[LIST] = Object.keys(init).map((name) => [name, String(init[name])]);
            } else {
                this[LIST] = parseParams(String(init).replace(/^\?/, ''));
            }
        }
        get size() { return this[LIST].length; }
        append(name, value) {
            this[LIST].push([String(name), String(value)]);
            this._update();
        }
        delete(name, value) {
            const key = String(name);
            this[LIST] = this[LIST].filter(([n, v]) => n !== key || (value !== undefined && v !== String(value)));
            this._update();
        }
        get(name) {
            const entry = this[LIST].find(([n]) => n === String(name));
            return entry === undefined ? null : entry[1];
        }
        getAll(name) {
            return this[LIST].filter(([n]) => n === String(name)).map(([, v]) => v);
        }
        has(name, value) {
            const key = String(name);
            return this[LIST].some(([n, v]) => n === key && (value === undefined || v === String(value)));
        }
        set(name, value) {
            const key = String(name);
            const index = this[LIST].findIndex(([n]) => n === key);
            if (index < 0) {
                this[LIST].push([key, String(value)]);
            } else {
                this[LIST][index] = [key, String(value)];
                this[LIST] = this[LIST].filter(([n], i) => n !== key || i <= index);
            }
            this._update();
        }
        sort() {
            this[LIST] = this[LIST].map((entry, index) => [entry, index])
                .sort(([a, i], [b, j]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : i - j)).map(([entry]) => entry);
            this._update();
        }
        forEach(callback, thisArg) {
            for (const [name, value] of this[LIST].slice()) {
                callback.call(thisArg, value, name, this);
            }
        }
        keys() { return this[LIST].map(([name]) => name)[Symbol.iterator](); }
        values() { return this[LIST].map(([, value]) => value)[Symbol.iterator](); }
        entries() { return this[LIST].map(([name, value]) => [name, value])[Symbol.iterator](); }
        [Symbol.iterator]() { return this.entries(); }
        toString() {
            return this[LIST].map(([name, value]) => formEncode(name) + '=' + formEncode(value)).join('&');
        }
        get [Symbol.toStringTag]() { return 'URLSearchParams'; }
        _update() {
            const owner = this[OWNER];
            if (owner !== null) {
                const text = this.toString();
                owner[RECORD].query = text === '' ? null : text;
            }
        }
    }

    // --- legacy API: url.parse / url.format (Node's pre-WHATWG objects) ---
    function legacyParse(input, parseQueryString) {
        const text = String(input).trim();
        const out = {protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null, hash: null,
            search: null, query: parseQueryString ? {} : null, pathname: null, path: null, href: text};
        let rest = text;
        const hash = rest.indexOf('#');
        if (hash >= 0) {
            out.hash = rest.slice(hash);
            rest = rest.slice(0, hash);
        }
        const question = rest.indexOf('?');
        if (question >= 0) {
            out.search = rest.slice(question);
            out.query = parseQueryString ? Object.fromEntries(groupParams(rest.slice(question + 1)))
                : rest.slice(question + 1);
            rest = rest.slice(0, question);
        }
        const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*:)/.exec(rest);
        if (scheme !== null) {
            out.protocol = scheme[1].toLowerCase();
            rest = rest.slice(scheme[1].length);
        }
        if (rest.startsWith('//')) {
            out.slashes = true;
            const end = rest.indexOf('/', 2);
            const authority = end >= 0 ? rest.slice(2, end) : rest.slice(2);
            rest = end >= 0 ? rest.slice(end) : '';
            const at = authority.lastIndexOf('@');
            if (at >= 0) {
                out.auth = decodeURIComponent(authority.slice(0, at));
            }
            out.host = authority.slice(at + 1).toLowerCase();
            const port = /:([0-9]*)$/.exec(out.host);
            out.port = port !== null && port[1] !== '' ? port[1] : null;
            out.hostname = port !== null ? out.host.slice(0, port.index) : out.host;
            if (out.slashes && rest === '' && out.protocol in SPECIAL) {
                rest = '/';
                out.href = text.slice(0, text.length - (out.search || '').length - (out.hash || '').length) + '/'
                    + (out.search || '') + (out.hash || '');
            }
        }
        out.pathname = rest === '' ? null : rest;
        out.path = (out.pathname || '') + (out.search || '') || null;
        return out;
    }
    function groupParams(text) {
        const grouped = new Map();
        for (const [name, value] of parseParams(text)) {
            const previous = grouped.get(name);
            grouped.set(name, previous === undefined ? value : [].concat(previous, value));
        }
        return grouped;
    }
    function legacyFormat(value) {
        if (value instanceof URL) {
            return value.href;
        }
        if (typeof value === 'string') {
            return legacyParse(value).href;
        }
        const protocol = value.protocol ? (value.protocol.endsWith(':') ? value.protocol : value.protocol + ':') : '';
        const host = value.host || (value.hostname ? value.hostname + (value.port ? ':' + value.port : '') : '');
        const auth = value.auth ? encodeURIComponent(value.auth).replace(/%3A/i, ':') + '@' : '';
        const slashes = value.slashes || protocol in SPECIAL || host !== '' ? '//' : '';
        let search = value.search || '';
        if (!search && value.query && typeof value.query === 'object') {
            const params = new URLSearchParams(value.query).toString();
            search = params ? '?' + params : '';
        }
        const hash = value.hash ? (value.hash.startsWith('#') ? value.hash : '#' + value.hash) : '';
        return protocol + (host || slashes === '//' && protocol === 'file:' ? slashes + auth + host : '')
            + (value.pathname || '') + (search && !search.startsWith('?') ? '?' + search : search) + hash;
    }

    module.exports = {URL, URLSearchParams, parse: legacyParse, format: legacyFormat};
})
