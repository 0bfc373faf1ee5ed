package dev.ecoscan.adapter.openai;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value one model call hands from {@link EndpointCaller} to {@link RetryAfterHttpClient} on the
 * calling thread, because LangChain4j's request path has no room for per-call values. Calls may nest
 * (a repair inside a call), so the outer value comes back when the inner call ends.
 *
 * @param <T> the value's type
 */
final class CallContext<T> {

    /**
     * The scan's deadline: each HTTP call times out at the deadline itself instead of waiting for a
     * read timeout that may be longer.
     */
    static final CallContext<Instant> DEADLINE = new CallContext<>();

    /** Headers the call adds to its HTTP request (its trace context). */
    static final CallContext<Map<String, String>> HEADERS = new CallContext<>();

    private final ThreadLocal<T> current = new ThreadLocal<>();

    private CallContext() {}

    <R> R during(T value, Supplier<R> call) {
        T outer = current.get();
        current.set(value);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    Optional<T> current() {
        return Optional.ofNullable(current.get());
    }
}
