package dev.ecoscan.domain.scan;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The caller's place in a distributed trace: a W3C {@code traceparent} value. A scan carries it so that
 * its trace continues the caller's even when it runs later, on another thread or another process (a
 * job); the core only carries it, tracing adapters read it.
 *
 * @param value {@code version-traceid-parentid-flags}, lower-case hex, e.g.
 *              {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}
 */
public record TraceParent(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);

    /**
     * Checks the value.
     *
     * @throws IllegalArgumentException when it is not a valid traceparent (the W3C shape, a version
     *     other than {@code ff}, ids not all zero)
     */
    public TraceParent {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a W3C traceparent: " + value);
        }
    }

    /**
     * The header as a client sent it, if it is a valid traceparent; anything else is ignored, as W3C asks.
     *
     * @param header the {@code traceparent} header's value, or null when there was none
     * @return the parsed value (lower-cased, stripped), or empty
     */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip().toLowerCase(Locale.ROOT);
        return isValid(value) ? Optional.of(new TraceParent(value)) : Optional.empty();
    }

    /**
     * The trace id.
     *
     * @return its 32 lower-case hex digits
     */
    public String traceId() {
        return value.substring(3, 35);
    }

    private static boolean isValid(String value) {
        // Version ff is forbidden, and all-zero ids mean "no trace".
        return SHAPE.matcher(value).matches()
                && !value.startsWith("ff")
                && !value.substring(3, 35).equals(ZERO_TRACE)
                && !value.substring(36, 52).equals(ZERO_PARENT);
    }
}
