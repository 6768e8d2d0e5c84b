package dev.sluice.sandbox.modules;

import static dev.sluice.sandbox.modules.ScriptRuns.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.SandboxRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Buffer, URL, TextEncoder and friends as scripts see them: globals and the core modules behind them. */
class CoreGlobalsTest {

    @RegisterExtension
    static final SandboxRunner runner = new SandboxRunner();

    private static JsonNode run(String body) {
        return value(runner, "function login(email, password, callback) {\n" + body + "\n}");
    }

    @Test
    void buffer_round_trips_a_string_through_every_encoding() {
        JsonNode out = run("""
                const text = 'héllo wörld 😀';
                const result = {};
                for (const enc of ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'ucs2', 'utf16le', 'latin1']) {
                    const encoded = Buffer.from(text).toString(enc);
                    result['roundTrip-' + enc] = Buffer.from(encoded, enc).toString('utf8') === text;
                }
                result.hex = Buffer.from('abc').toString('hex');
                result.base64 = Buffer.from('héllo 😀').toString('base64');
                result.base64url = Buffer.from([0xfb, 0xff]).toString('base64url');
                result.ucs2 = Buffer.from('hi', 'ucs2').toString('hex');
                result.latin1 = Buffer.from('ÿ', 'latin1').toString('hex');
                result.ascii = Buffer.from([0xe9, 0x41]).toString('ascii');
                callback(null, result);""");
        for (String encoding : new String[] {"utf8", "utf-8", "hex", "base64", "base64url", "ucs2", "utf16le",
                "latin1"}) {
            assertThat(out.path("roundTrip-" + encoding).asBoolean()).as(encoding).isTrue();
        }
        assertThat(out.path("hex").asText()).isEqualTo("616263");
        assertThat(out.path("base64").asText()).isEqualTo("aMOpbGxvIPCfmIA=");
        assertThat(out.path("base64url").asText()).isEqualTo("-_8");
        assertThat(out.path("ucs2").asText()).isEqualTo("68006900");
        assertThat(out.path("latin1").asText()).isEqualTo("ff");
        assertThat(out.path("ascii").asText()).isEqualTo("iA");
    }

    @Test
    void utf8_keeps_non_bmp_characters_and_replaces_invalid_sequences() {
        JsonNode out = run("""
                callback(null, {
                    emoji: Buffer.from('😀𝄞').toString('hex'),
                    back: Buffer.from('f09f9880', 'hex').toString(),
                    invalid: Buffer.from([0x68, 0xc3, 0x28, 0xe0, 0xa0, 0x41, 0xf0, 0x80, 0xff]).toString(),
                    truncated: Buffer.from([0x61, 0xe2, 0x82]).toString(),
                    loneSurrogate: Buffer.from('a\\ud800b').toString('hex'),
                });""");
        assertThat(out.path("emoji").asText()).isEqualTo("f09f9880f09d849e");
        assertThat(out.path("back").asText()).isEqualTo("😀");
        assertThat(out.path("invalid").asText()).isEqualTo("h\uFFFD(\uFFFDA\uFFFD\uFFFD\uFFFD");
        assertThat(out.path("truncated").asText()).isEqualTo("a\uFFFD");
        assertThat(out.path("loneSurrogate").asText()).isEqualTo("61efbfbd62");
    }

    @Test
    void buffer_is_a_uint8array_whose_slices_share_memory() {
        JsonNode out = run("""
                const b = Buffer.from('abcdef');
                const s = b.slice(1, 3);
                s[0] = 0x41;
                callback(null, {
                    isUint8Array: b instanceof Uint8Array, isBuffer: Buffer.isBuffer(s),
                    sliceIsBuffer: s instanceof Buffer,
                    plainIsBuffer: Buffer.isBuffer(new Uint8Array(2)), shared: b.toString(),
                    sub: b.subarray(4).toString(),
                    length: Buffer.from('😀').length, byteLength: Buffer.byteLength('héllo'),
                    json: JSON.stringify(Buffer.from([1, 2, 3])),
                    concat: Buffer.concat([Buffer.from('ab'), new Uint8Array([0x63]), Buffer.from('de')], 4).toString(),
                    alloc: Buffer.alloc(4, 'ab').toString(), zero: Buffer.alloc(3).toString('hex'),
                    unsafe: Buffer.allocUnsafe(5).length, equals: Buffer.from('x').equals(Buffer.from('x')),
                    compare: [Buffer.from('a').compare(Buffer.from('b')),
                        Buffer.compare(Buffer.from('b'), Buffer.from('a'))],
                    legacy: new Buffer('aGk=', 'base64').toString(),
                    fromArrayBuffer: Buffer.from(new Uint8Array([7, 8]).buffer)[1],
                    u32: Buffer.from('deadbeef', 'hex').readUInt32BE(0),
                });""");
        assertThat(out.path("isUint8Array").asBoolean()).isTrue();
        assertThat(out.path("isBuffer").asBoolean()).isTrue();
        assertThat(out.path("sliceIsBuffer").asBoolean()).isTrue();
        assertThat(out.path("plainIsBuffer").asBoolean()).isFalse();
        assertThat(out.path("shared").asText()).isEqualTo("aAcdef");
        assertThat(out.path("sub").asText()).isEqualTo("ef");
        assertThat(out.path("length").asInt()).isEqualTo(4);
        assertThat(out.path("byteLength").asInt()).isEqualTo(6);
        assertThat(out.path("json").asText()).isEqualTo("{\"type\":\"Buffer\",\"data\":[1,2,3]}");
        assertThat(out.path("concat").asText()).isEqualTo("abcd");
        assertThat(out.path("alloc").asText()).isEqualTo("abab");
        assertThat(out.path("zero").asText()).isEqualTo("000000");
        assertThat(out.path("unsafe").asInt()).isEqualTo(5);
        assertThat(out.path("equals").asBoolean()).isTrue();
        assertThat(out.path("compare").toString()).isEqualTo("[-1,1]");
        assertThat(out.path("legacy").asText()).isEqualTo("hi");
        assertThat(out.path("fromArrayBuffer").asInt()).isEqualTo(8);
        assertThat(out.path("u32").asLong()).isEqualTo(0xdeadbeefL);
    }

    @Test
    void url_parses_a_database_connection_string() {
        JsonNode out = run("""
                const u = new URL('mysql://user:p%40ss@db.example.com:3306/app?ssl=true&x=1#frag');
                callback(null, {protocol: u.protocol, username: u.username, password: decodeURIComponent(u.password),
                    hostname: u.hostname, port: u.port, host: u.host, pathname: u.pathname, search: u.search,
                    ssl: u.searchParams.get('ssl'), hash: u.hash, origin: u.origin, href: u.href,
                    text: String(u)});""");
        assertThat(out.path("protocol").asText()).isEqualTo("mysql:");
        assertThat(out.path("username").asText()).isEqualTo("user");
        assertThat(out.path("password").asText()).isEqualTo("p@ss");
        assertThat(out.path("hostname").asText()).isEqualTo("db.example.com");
        assertThat(out.path("port").asText()).isEqualTo("3306");
        assertThat(out.path("host").asText()).isEqualTo("db.example.com:3306");
        assertThat(out.path("pathname").asText()).isEqualTo("/app");
        assertThat(out.path("search").asText()).isEqualTo("?ssl=true&x=1");
        assertThat(out.path("ssl").asText()).isEqualTo("true");
        assertThat(out.path("hash").asText()).isEqualTo("#frag");
        assertThat(out.path("origin").asText()).isEqualTo("null");
        assertThat(out.path("href").asText())
                .isEqualTo("mysql://user:p%40ss@db.example.com:3306/app?ssl=true&x=1#frag");
        assertThat(out.path("text").asText()).isEqualTo(out.path("href").asText());
    }

    @Test
    void url_normalizes_http_urls_and_resolves_relative_ones() {
        JsonNode out = run("""
                const u = new URL('HTTPS://API.Example.com:443/a/../b?q=a b');
                let invalid;
                try { new URL('not a url'); } catch (e) { invalid = e.code; }
                callback(null, {href: u.href, origin: u.origin, relative: new URL('../c?x=1', 'https://h/a/b/').href,
                    invalid});""");
        assertThat(out.path("href").asText()).isEqualTo("https://api.example.com/b?q=a%20b");
        assertThat(out.path("origin").asText()).isEqualTo("https://api.example.com");
        assertThat(out.path("relative").asText()).isEqualTo("https://h/a/c?x=1");
        assertThat(out.path("invalid").asText()).isEqualTo("ERR_INVALID_URL");
    }

    @Test
    void url_search_params_read_write_and_iterate() {
        JsonNode out = run("""
                const p = new URLSearchParams('a=1&b=x+y&a=2');
                p.append('c', 'é&=');
                p.set('b', 'z');
                const seen = [];
                for (const [k, v] of p) { seen.push(k + ':' + v); }
                const u = new URL('https://h/p?x=1');
                u.searchParams.append('y', 'a b');
                callback(null, {a: p.get('a'), all: p.getAll('a'), has: p.has('c'), missing: p.get('nope'),
                    text: p.toString(), seen, linked: u.href,
                    fromObject: new URLSearchParams({k: 'v w'}).toString()});""");
        assertThat(out.path("a").asText()).isEqualTo("1");
        assertThat(out.path("all").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(out.path("has").asBoolean()).isTrue();
        assertThat(out.path("missing").isNull()).isTrue();
        assertThat(out.path("text").asText()).isEqualTo("a=1&b=z&a=2&c=%C3%A9%26%3D");
        assertThat(out.path("seen").toString()).isEqualTo("[\"a:1\",\"b:z\",\"a:2\",\"c:é&=\"]");
        assertThat(out.path("linked").asText()).isEqualTo("https://h/p?x=1&y=a+b");
        assertThat(out.path("fromObject").asText()).isEqualTo("k=v+w");
    }

    @Test
    void text_codecs_base64_globals_and_queue_microtask_work() {
        JsonNode out = run("""
                const bytes = new TextEncoder().encode('h€😀');
                queueMicrotask(() => {
                    callback(null, {plain: !(bytes instanceof Buffer) && bytes instanceof Uint8Array,
                        length: bytes.length,
                        decoded: new TextDecoder().decode(bytes),
                        utf16: new TextDecoder('utf-16le').decode(new Uint8Array([104, 0])),
                        btoa: btoa('hello'), atob: atob('aGVsbG8='),
                        sameBuffer: require('buffer').Buffer === Buffer, sameUrl: require('url').URL === URL,
                        format: require('util').format('%s has %d items: %j', 'cart', 2, {a: 1}),
                        inspect: require('util').inspect({a: [1, 'x'], b: Buffer.from('hi')})});
                });""");
        assertThat(out.path("plain").asBoolean()).isTrue();
        assertThat(out.path("length").asInt()).isEqualTo(8);
        assertThat(out.path("decoded").asText()).isEqualTo("h€😀");
        assertThat(out.path("utf16").asText()).isEqualTo("h");
        assertThat(out.path("btoa").asText()).isEqualTo("aGVsbG8=");
        assertThat(out.path("atob").asText()).isEqualTo("hello");
        assertThat(out.path("sameBuffer").asBoolean()).isTrue();
        assertThat(out.path("sameUrl").asBoolean()).isTrue();
        assertThat(out.path("format").asText()).isEqualTo("cart has 2 items: {\"a\":1}");
        assertThat(out.path("inspect").asText()).isEqualTo("{ a: [ 1, 'x' ], b: <Buffer 68 69> }");
    }

    @Test
    void util_promisify_turns_a_callback_api_into_a_promise() {
        JsonNode out = run("""
                const { promisify } = require('util');
                const later = promisify((value, cb) => setTimeout(() => cb(null, value * 2), 1));
                later(21).then((value) => callback(null, {value}), callback);""");
        assertThat(out.path("value").asInt()).isEqualTo(42);
    }

    @Test
    void a_script_may_replace_a_global() {
        JsonNode out = run("""
                Buffer = 'mine';
                callback(null, {buffer: Buffer});""");
        assertThat(out.path("buffer").asText()).isEqualTo("mine");
    }
}
