package dev.ecoscan.testservers;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assertions;

/**
 * What must never appear in a body eco-scan sends a client: the words of a database, of Redis or of
 * a model provider, a stack trace, or a secret. Tests pass every response body they read through
 * {@link #assertNone}, so each failure test checks this too.
 */
public final class ResponseLeaks {

    /** Lower-case fragments that only infrastructure text contains. */
    private static final List<String> MARKERS = List.of(
            // stack traces and exception names
            "exception",
            "\tat ",
            "caused by",
            // databases and their pools
            "jdbc:",
            "sqlstate",
            "org.h2",
            "org.postgresql",
            "hikaripool",
            "flyway",
            // Redis and its client
            "io.lettuce",
            "wrongpass",
            "noauth",
            "redis://",
            // model providers' own error bodies
            "incorrect api key",
            "invalid_api_key",
            "invalid_request_error",
            "unsupported parameter",
            // sockets
            "connection refused",
            "connection reset");

    private ResponseLeaks() {}

    /** Fails when {@code body} carries infrastructure text, or one of {@code secrets}. */
    public static void assertNone(String body, String... secrets) {
        if (body == null) {
            return;
        }
        String lower = body.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (lower.contains(marker)) {
                Assertions.fail("a response body carries infrastructure text ('" + marker + "'): " + abbreviate(body));
            }
        }
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty() && body.contains(secret)) {
                Assertions.fail("a response body carries a secret: " + abbreviate(body));
            }
        }
    }

    /** A body handler for the JDK client that checks each body with {@link #assertNone} as it arrives. */
    public static HttpResponse.BodyHandler<String> checkedBodies(String... secrets) {
        return info -> HttpResponse.BodySubscribers.mapping(
                HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                    assertNone(body, secrets);
                    return body;
                });
    }

    private static String abbreviate(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
