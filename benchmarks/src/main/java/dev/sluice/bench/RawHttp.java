package dev.sluice.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The least HTTP/1.1 a load generator needs: one keep-alive connection, form POSTs with {@code Content-Length},
 * responses read by their {@code Content-Length}. Not a general client (no chunked bodies, redirects or TLS); it
 * fails loudly on anything else. One thread at a time.
 */
final class RawHttp implements AutoCloseable {

    private static final int MAX_HEADER_LINE = 8192;

    private final String host;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /**
     * One response.
     *
     * @param status the status code
     * @param body the body as UTF-8 text
     */
    record Response(int status, String body) {
    }

    RawHttp(URI server, Duration timeout) throws IOException {
        this.host = server.getHost() + ":" + server.getPort();
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) timeout.toMillis());
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), (int) timeout.toMillis());
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** POSTs {@code form} (already encoded) to {@code path} and reads the whole response; blocking. */
    Response postForm(String path, String form) throws IOException {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).strip());
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("unsupported response framing: " + header);
            }
        }
        if (length < 0) {
            throw new IOException("a response without Content-Length (status " + status + ")");
        }
        return new Response(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.write(c);
            }
            if (line.size() > MAX_HEADER_LINE) {
                throw new IOException("a header line over " + MAX_HEADER_LINE + " bytes");
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
