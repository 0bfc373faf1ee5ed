package dev.ecoscan.adapter.openai;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scan's deadline, handed from {@link EndpointCaller} to {@link RetryAfterHttpClient} on the
 * calling thread, because LangChain4j's request path has no room for it. It lets each HTTP call
 * time out at the deadline itself instead of waiting for a read timeout that may be longer.
 */
final class CallDeadline {

    private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

    private CallDeadline() {}

    static <T> T during(Instant deadline, Supplier<T> call) {
        Instant outer = CURRENT.get();
        CURRENT.set(deadline);
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

    static Optional<Instant> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
