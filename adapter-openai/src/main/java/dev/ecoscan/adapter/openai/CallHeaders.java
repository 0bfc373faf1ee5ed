package dev.ecoscan.adapter.openai;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Headers one model call adds to its HTTP request (its trace context), handed from
 * {@link EndpointCaller} to {@link RetryAfterHttpClient} on the calling thread like {@link CallDeadline},
 * because LangChain4j's request path has no per-call headers.
 */
final class CallHeaders {

    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

    private CallHeaders() {}

    static <T> T during(Map<String, String> headers, Supplier<T> call) {
        Map<String, String> outer = CURRENT.get();
        CURRENT.set(headers);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    static Map<String, String> current() {
        Map<String, String> headers = CURRENT.get();
        return headers == null ? Map.of() : headers;
    }
}
