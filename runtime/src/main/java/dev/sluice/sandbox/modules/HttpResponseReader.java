package dev.sluice.sandbox.modules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads one HTTP/1.x response from a connection that the request asked to close: the status line and headers
 * (skipping {@code 1xx} interim responses), then the body framed by {@code Transfer-Encoding: chunked},
 * {@code Content-Length} or the end of the connection. The body may hold at most {@code maxBody} bytes, after
 * content decoding too, so a compressed bomb is caught as well.
 */
final class HttpResponseReader {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    private final InputStream in;
    private final long maxBody;

    HttpResponseReader(InputStream in, long maxBody) {
        this.in = in;
        this.maxBody = maxBody;
    }

    /** Reads the response to a request with {@code method}; blocking. */
    HttpReply read(String method, boolean decompress) throws IOException {
        String statusLine;
        List<Map.Entry<String, String>> headers;
        int status;
        do {
            statusLine = line();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new ModuleError("Parse Error: Expected HTTP/", Map.of("code", "HPE_INVALID_CONSTANT"));
            }
            status = parseStatus(statusLine);
            headers = headers();
        } while (status >= 100 && status < 200 && status != 101);
        String reason = statusLine.length() > 13 ? statusLine.substring(13).strip() : "";
        byte[] body = hasBody(method, status) ? body(headers) : new byte[0];
        String coding = HttpHeaders.first(headers, "content-encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        boolean decodable = decompress && body.length > 0 && (coding.equals("gzip") || coding.equals("x-gzip")
                || coding.equals("deflate"));
        return new HttpReply(status, reason, List.copyOf(headers), decodable ? decode(body, coding) : body, decodable);
    }

    private static int parseStatus(String statusLine) {
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new ModuleError("Parse Error: Invalid status code", Map.of("code", "HPE_INVALID_STATUS"));
        }
    }

    private static boolean hasBody(String method, int status) {
        return !method.equals("HEAD") && status != 204 && status != 304;
    }

    private List<Map.Entry<String, String>> headers() throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new ModuleError("Parse Error: Invalid header", Map.of("code", "HPE_INVALID_HEADER_TOKEN"));
            }
            headers.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return headers;
    }

    private byte[] body(List<Map.Entry<String, String>> headers) throws IOException {
        String transfer = HttpHeaders.first(headers, "transfer-encoding").orElse("").toLowerCase(Locale.ROOT);
        if (transfer.contains("chunked")) {
            return chunked();
        }
        var length = HttpHeaders.first(headers, "content-length");
        if (length.isPresent()) {
            long size = parseLength(length.get());
            checkSize(size);
            return exactly((int) size);
        }
        return untilClose();
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            long size = parseHex(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon));
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers are read and dropped
                }
                return out.toByteArray();
            }
            checkSize(out.size() + size);
            out.write(exactly((int) size));
            line();
        }
    }

    private byte[] exactly(int size) throws IOException {
        byte[] bytes = in.readNBytes(size);
        if (bytes.length < size) {
            throw closedEarly();
        }
        return bytes;
    }

    private byte[] untilClose() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            checkSize(out.size() + (long) n);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private byte[] decode(byte[] body, String coding) throws IOException {
        try (InputStream decoded = coding.equals("deflate") ? inflater(body)
                : new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            byte[] bytes = decoded.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            checkSize(bytes.length);
            return bytes;
        } catch (java.util.zip.ZipException e) {
            throw new ModuleError("incorrect header check", Map.of("code", "Z_DATA_ERROR"));
        }
    }

    // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; Node accepts both, so does this.
    private static InputStream inflater(byte[] body) {
        boolean zlib = body.length >= 2 && (body[0] & 0x0f) == 8
                && ((body[0] & 0xff) * 256 + (body[1] & 0xff)) % 31 == 0;
        return new InflaterInputStream(new java.io.ByteArrayInputStream(body), new Inflater(!zlib));
    }

    private void checkSize(long size) {
        if (size > maxBody) {
            throw new ModuleError("the response body is larger than the policy allows (responseBytes = " + maxBody
                    + ")", Map.of("code", "ERR_RESPONSE_TOO_LARGE", "limit", maxBody));
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw closedEarly();
            }
            if (line.size() >= MAX_LINE) {
                throw new ModuleError("Parse Error: Header overflow", Map.of("code", "HPE_HEADER_OVERFLOW"));
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static long parseLength(String value) {
        try {
            long size = Long.parseLong(value.strip());
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // fall through to the parse error
        }
        throw new ModuleError("Parse Error: Invalid character in Content-Length",
                Map.of("code", "HPE_UNEXPECTED_CONTENT_LENGTH"));
    }

    private static long parseHex(String value) {
        try {
            return Long.parseLong(value.strip(), 16);
        } catch (NumberFormatException e) {
            throw new ModuleError("Parse Error: Invalid character in chunk size",
                    Map.of("code", "HPE_INVALID_CHUNK_SIZE"));
        }
    }

    private static ModuleError closedEarly() {
        return new ModuleError("socket hang up", Map.of("code", "ECONNRESET"));
    }
}
