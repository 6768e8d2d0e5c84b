package dev.sluice.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Source;

/** JS sources bundled as classpath resources, built once per JVM so the shared engine's parse cache hits. */
final class Resources {

    private static final Map<String, Source> CACHE = new ConcurrentHashMap<>();

    private Resources() {
    }

    static Source source(String resource, String name) {
        return CACHE.computeIfAbsent(resource, r -> Source.newBuilder("js", read(r), name).cached(true)
                .buildLiteral());
    }

    private static String read(String resource) {
        try (InputStream in = Resources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
