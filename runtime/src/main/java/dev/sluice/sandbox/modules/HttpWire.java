package dev.sluice.sandbox.modules;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 exchange over a fresh connection ({@code Connection: close}). The host is resolved through the
 * policy's {@link OutboundRules} and the socket connects to an address it returned, never to the name, so the
 * checked address is the one used; TLS runs over that socket with the original name for SNI and for the
 * certificate's host name check. Blocking; call it on a virtual thread.
 */
final class HttpWire {

    /** Request headers this class sets itself; a script's values for them are dropped. */
    private static final Set<String> OWN = Set.of("content-length", "connection", "transfer-encoding", "keep-alive");

    private final ModuleLimits limits;

    HttpWire(ModuleLimits limits) {
        this.limits = limits;
    }

    /** Sends one request and reads its response; a {@link ModuleError} with a Node error code on failure. */
    HttpReply exchange(HttpTarget target, String method, List<Map.Entry<String, String>> headers, byte[] body,
                       HttpDeadline deadline, boolean decompress) {
        byte[] head = head(target, method, headers, body);
        try (Socket socket = open(target, deadline)) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(head);
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = new BufferedInputStream(new DeadlineStream(socket, deadline));
            return new HttpResponseReader(in, limits.responseBytes()).read(method, decompress);
        } catch (SocketTimeoutException e) {
            throw deadline.expired("response");
        } catch (IOException e) {
            throw new ModuleError("socket hang up: " + e.getMessage(), Map.of("code", "ECONNRESET"));
        }
    }

    private Socket open(HttpTarget target, HttpDeadline deadline) throws IOException {
        List<InetAddress> addresses = limits.outbound().resolve(target.host());
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                int wait = (int) Math.min(limits.connectTimeout().toMillis(), deadline.remainingMillis("connect"));
                socket.connect(new InetSocketAddress(address, target.port()), wait);
                return target.secure() ? tls(socket, target, deadline) : socket;
            } catch (SocketTimeoutException e) {
                socket.close();
                throw deadline.expired("connect");
            } catch (IOException | RuntimeException e) {
                socket.close();
                if (!(e instanceof ConnectException connect)) {
                    throw e instanceof IOException io ? tlsFailure(io) : (RuntimeException) e;
                }
                last = connect;
            }
        }
        throw refused(addresses.getLast(), target.port(), last);
    }

    private static Socket tls(Socket socket, HttpTarget target, HttpDeadline deadline) throws IOException {
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(socket, target.host(), target.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isAddressLiteral(target.host())) {
            parameters.setServerNames(List.of(new SNIHostName(target.host())));
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout(deadline.remainingMillis("connect"));
        ssl.startHandshake();
        return ssl;
    }

    private static boolean isAddressLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static ModuleError tlsFailure(IOException e) {
        if (e instanceof SSLException) {
            String message = String.valueOf(e.getMessage());
            String code = message.contains("subject alternative") || message.contains("No name matching")
                    ? "ERR_TLS_CERT_ALTNAME_INVALID" : message.contains("certification path")
                    ? "UNABLE_TO_VERIFY_LEAF_SIGNATURE" : "EPROTO";
            return new ModuleError(code.equals("EPROTO") ? message : "certificate check failed: " + message,
                    Map.of("code", code));
        }
        return new ModuleError(String.valueOf(e.getMessage()), Map.of("code", "ECONNRESET"));
    }

    private static ModuleError refused(InetAddress address, int port, IOException cause) {
        String where = address.getHostAddress() + ":" + port;
        boolean unreachable = cause != null && String.valueOf(cause.getMessage()).contains("unreachable");
        String code = unreachable ? "EHOSTUNREACH" : "ECONNREFUSED";
        return new ModuleError("connect " + code + " " + where, Map.of("code", code, "errno", unreachable ? -113
                : -111, "syscall", "connect", "address", address.getHostAddress(), "port", port));
    }

    private static byte[] head(HttpTarget target, String method, List<Map.Entry<String, String>> headers,
                               byte[] body) {
        if (!method.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new ModuleError("Method must be a valid HTTP token [\"" + method + "\"]",
                    Map.of("code", "ERR_INVALID_HTTP_TOKEN"));
        }
        if (target.pathAndQuery().chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new ModuleError("Request path contains unescaped characters",
                    Map.of("code", "ERR_UNESCAPED_CHARACTERS"));
        }
        StringBuilder text = new StringBuilder(method).append(' ').append(target.pathAndQuery())
                .append(" HTTP/1.1\r\n");
        if (HttpHeaders.first(headers, "host").isEmpty()) {
            text.append("Host: ").append(target.hostHeader()).append("\r\n");
        }
        for (Map.Entry<String, String> header : headers) {
            checkHeader(header.getKey(), header.getValue());
            if (!OWN.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                text.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        if (body != null) {
            text.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return text.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void checkHeader(String name, String value) {
        if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new ModuleError("Header name must be a valid HTTP token [\"" + name + "\"]",
                    Map.of("code", "ERR_INVALID_HTTP_TOKEN"));
        }
        if (value.chars().anyMatch(c -> (c < ' ' && c != '\t') || c == 0x7f || c > 0xff)) {
            throw new ModuleError("Invalid character in header content [\"" + name + "\"]",
                    Map.of("code", "ERR_INVALID_CHAR"));
        }
    }

    /** Gives every read at most the time left before the deadline. */
    private static final class DeadlineStream extends FilterInputStream {
        private final Socket socket;
        private final HttpDeadline deadline;

        DeadlineStream(Socket socket, HttpDeadline deadline) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            socket.setSoTimeout(deadline.remainingMillis("response"));
            return super.read(buffer, offset, length);
        }
    }
}
