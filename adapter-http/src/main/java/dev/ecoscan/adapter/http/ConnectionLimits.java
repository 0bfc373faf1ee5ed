package dev.ecoscan.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How many client connections, and for how long. Helidon's defaults were any number, five minutes
 * idle (looked for every two), and no bound on the time a request's headers and body take, so a
 * client sending a byte every few seconds kept its socket for hours.
 *
 * @param maxConnections     client connections open at once; past it Helidon stops accepting and
 *                           new connections wait in the listen backlog until one closes. It must
 *                           exceed the in-flight bound, or the next client waits there instead of
 *                           getting its 503 at once
 * @param idleTimeout        how long a kept-alive connection may wait for its next request. It also
 *                           bounds the request line: Helidon's idle clock runs from the previous
 *                           request, and nothing else times the line. Behind a load balancer it must
 *                           be longer than the balancer's own idle timeout, or the balancer sends a
 *                           request down a connection just as we close it (a 502 at the balancer)
 * @param requestReadTimeout how long a client may take over a request once its request line is in:
 *                           headers and body. Past it the answer is 408 and the connection closes
 */
public record ConnectionLimits(int maxConnections, Duration idleTimeout, Duration requestReadTimeout) {

    /** 75 s, nginx's keep-alive default: above the 60 s idle timeout of AWS's balancers and of nginx's upstreams. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(75);
    /**
     * 10 s for at most 8 KiB of headers and a 16 KiB body: a second's work on a poor mobile link,
     * with room for a stall. The image itself never comes through here, only its URL.
     */
    public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The request line. No route's line is over 100 bytes and the API takes no query parameters;
     * 4 KiB (Helidon's default) leaves room for what a proxy or a tracker appends. Longer is 414.
     */
    public static final int MAX_REQUEST_LINE = 4 * 1024;
    /**
     * All headers of a request. Ours are the {@code s_access} cookie (a JWT of under 1 KiB), with
     * whatever other cookies the site sets, and a gateway's forwarding and tracing headers. 8 KiB is
     * the per-request default of Tomcat and Apache, so clients already fit it, and it halves what
     * Helidon's 16 KiB default lets each open connection make us buffer. Larger is 400.
     */
    public static final int MAX_HEADERS = 8 * 1024;
    /** Connections beyond the scans' own and the event streams': idle keep-alives, polls, slow clients. */
    static final int SPARE_CONNECTIONS = 500;
    /**
     * The least default bound, however low the in-flight bound: thousands of clients past a bound
     * of a few hundred scans must still reach us, to be told 503 at once rather than wait in the
     * backlog. An idle connection costs a parked virtual thread and its buffers.
     */
    static final int LEAST_DEFAULT_CONNECTIONS = 10_000;

    public ConnectionLimits {
        if (maxConnections < 2) {
            throw new IllegalArgumentException("the connection bound must be at least 2, not " + maxConnections);
        }
        positive(idleTimeout, "idle timeout");
        positive(requestReadTimeout, "request read timeout");
    }

    /**
     * The defaults for an in-flight bound: a connection per scan in flight, as many again for event
     * streams (bounded by the same number) and {@value #SPARE_CONNECTIONS} to spare, but at least
     * {@value #LEAST_DEFAULT_CONNECTIONS}.
     */
    public static ConnectionLimits forInFlight(int maxInFlight) {
        return new ConnectionLimits(
                defaultMaxConnections(maxInFlight), DEFAULT_IDLE_TIMEOUT, DEFAULT_REQUEST_READ_TIMEOUT);
    }

    public static int defaultMaxConnections(int maxInFlight) {
        return (int)
                Math.min(Integer.MAX_VALUE, Math.max(2L * maxInFlight + SPARE_CONNECTIONS, LEAST_DEFAULT_CONNECTIONS));
    }

    /**
     * How often Helidon looks for idle connections (its default is every two minutes, which would
     * let one stay up to 195 s with a 75 s timeout): a tenth of the timeout, between 0.1 s and 5 s.
     */
    Duration idleCheckPeriod() {
        long millis = Math.clamp(idleTimeout.toMillis() / 10, 100, 5_000);
        return Duration.ofMillis(millis);
    }

    private static void positive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, not " + value);
        }
    }
}
