package dev.sluice.sandbox;

import java.util.List;

/**
 * Initializes, before any guest code runs, the host classes the sandbox and its modules use. A guest that
 * exhausts a thread's stack can make a first-time class initialization on that thread fail, and a failed
 * initialization breaks that class for the whole JVM (ENVIRONMENT.md); so none may happen on a JS thread.
 */
final class HostClasses {

    private static final List<String> CLASSES = List.of(
            "java.util.Formatter",
            "java.util.regex.Pattern",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            "java.time.Instant",
            "java.time.format.DateTimeFormatter",
            "java.security.MessageDigest",
            "java.security.SecureRandom",
            "javax.crypto.Mac",
            "javax.crypto.SecretKeyFactory",
            "java.util.Base64",
            "java.util.HexFormat",
            "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.ConcurrentLinkedDeque",
            "java.util.logging.LogRecord",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.databind.node.ObjectNode",
            "com.fasterxml.jackson.databind.node.ArrayNode",
            "com.fasterxml.jackson.databind.node.TextNode",
            "com.fasterxml.jackson.databind.node.IntNode",
            "com.fasterxml.jackson.databind.node.DoubleNode",
            "com.fasterxml.jackson.databind.node.LongNode",
            "com.fasterxml.jackson.databind.node.BooleanNode",
            "com.fasterxml.jackson.databind.node.NullNode",
            "at.favre.lib.crypto.bcrypt.BCrypt",
            "com.mysql.cj.jdbc.Driver",
            "dev.sluice.sandbox.ScriptOutcome$Success",
            "dev.sluice.sandbox.ScriptOutcome$Failure",
            "dev.sluice.sandbox.ScriptOutcome$Limit",
            "dev.sluice.sandbox.ScriptOutcome$Busy",
            "dev.sluice.sandbox.ScriptResult",
            "dev.sluice.sandbox.ScriptError",
            "dev.sluice.sandbox.modules.ModuleError",
            "dev.sluice.sandbox.modules.HostObject",
            "dev.sluice.sandbox.modules.BcryptPrimitive",
            "dev.sluice.sandbox.modules.CryptoPrimitive",
            "dev.sluice.sandbox.modules.MysqlPrimitive",
            "dev.sluice.sandbox.modules.PgPrimitive",
            "dev.sluice.sandbox.modules.MongoPrimitive",
            "dev.sluice.sandbox.modules.HttpPrimitive",
            "dev.sluice.sandbox.modules.TediousPrimitive",
            "dev.sluice.sandbox.modules.OutboundRules",
            "org.postgresql.Driver",
            "com.mongodb.client.MongoClients",
            "org.bson.Document",
            "org.bson.json.JsonWriterSettings",
            "javax.net.ssl.SSLContext",
            "java.util.zip.GZIPInputStream",
            "at.favre.lib.crypto.bcrypt.LongPasswordStrategies",
            "at.favre.lib.crypto.bcrypt.Radix64Encoder$Default",
            "javax.crypto.spec.SecretKeySpec",
            "java.util.UUID");

    private HostClasses() {
    }

    static void initialize() {
        ClassLoader loader = HostClasses.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("host class " + name + " is missing", e);
            }
        }
        String.format("%s %d %.2f", "warm", 1, 1.0);
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("warm", 1).toString();
    }
}
