package dev.sluice.http;

import dev.sluice.config.IssuerConfig;
import dev.sluice.token.Jwks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP server: its own Vert.x instance and one listening {@link HttpServer} on all interfaces, serving the
 * routes of {@link SluiceRouter}. Started by {@link #start}, stopped by {@link #close()}.
 */
public final class SluiceHttpServer implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final HttpServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SluiceHttpServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Starts listening. Blocking: returns once the port is bound.
     *
     * @param settings port (0 for any free one) and body limit
     * @param issuer the issuer of the discovery document
     * @param jwks the published signing keys
     * @param health what {@code GET /health} reports
     * @throws HttpServerException when the port cannot be bound; nothing stays open then
     */
    public static SluiceHttpServer start(HttpSettings settings, IssuerConfig issuer, Jwks jwks, HealthCheck health) {
        return start(settings, issuer, jwks, health, RouteGroups.none());
    }

    /**
     * As {@link #start(HttpSettings, IssuerConfig, Jwks, HealthCheck)}, with the optional route groups of
     * {@code routes}. Blocking until the port is bound.
     */
    public static SluiceHttpServer start(HttpSettings settings, IssuerConfig issuer, Jwks jwks, HealthCheck health,
            RouteGroups routes) {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("0.0.0.0")
                            .setPort(settings.port()))
                    .requestHandler(SluiceRouter.create(vertx, settings, issuer, jwks, health, routes));
            await(server.listen(), "listen on port " + settings.port());
            return new SluiceHttpServer(vertx, server);
        } catch (RuntimeException e) {
            try {
                await(vertx.close(), "stop");
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The port the server listens on (the one picked when started with port 0). */
    public int port() {
        return server.actualPort();
    }

    /** Stops accepting connections, closes open ones and stops Vert.x. Blocking; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                await(server.close(), "close the server");
            } finally {
                await(vertx.close(), "stop");
            }
        }
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new HttpServerException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new HttpServerException("cannot " + what + " within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpServerException("interrupted while trying to " + what, e);
        }
    }
}
