package dev.ecoscan.adapter.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP service runs.
 *
 * @param host          the address to listen on
 * @param port          0 for any free port
 * @param auth          how users are authenticated
 * @param samples       dev mode: a folder served at {@code /samples/} to loopback clients only
 * @param maxInFlight   scans running at once; one more is answered 503 at once
 * @param deadline      how long one scan may take (under the 60 s of the reference system's gateway)
 * @param maxBodyBytes  the largest request body read
 * @param maxUserInput  the longest question, in characters
 * @param rateLimit     scans per user and period; empty means no limit (dev mode)
 * @param serviceToken  the bearer token of the internal character routes; empty disables them
 * @param streams       the bounds on open event streams, per user and in all
 * @param connections   the bounds on client connections: how many, how long idle, how long to send a request
 * @param tryPage       dev mode: serve the page to try a scan at {@code /} to loopback clients, signing each
 *                      visitor in with a short-lived dev token (JWT mode); prod never serves it
 */
public record HttpSettings(
        String host,
        int port,
        AuthSettings auth,
        Optional<Path> samples,
        int maxInFlight,
        Duration deadline,
        int maxBodyBytes,
        int maxUserInput,
        Optional<RateLimit> rateLimit,
        Optional<String> serviceToken,
        StreamLimits streams,
        ConnectionLimits connections,
        boolean tryPage) {

    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(samples, "samples");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("the in-flight bound must be positive");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive");
        }
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(serviceToken, "serviceToken");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(connections, "connections");
        if (connections.maxConnections() <= maxInFlight) {
            // Each scan in flight holds its connection; with none to spare the next client would wait
            // in the backlog instead of getting its 503 at once.
            throw new IllegalArgumentException("the connection bound (" + connections.maxConnections()
                    + ") must be above the in-flight bound (" + maxInFlight + ")");
        }
        if (maxBodyBytes < 256 || maxUserInput < 1) {
            throw new IllegalArgumentException("body and question limits must be positive");
        }
    }

    /** Event streams bounded as {@link StreamLimits#of} says, with as many in all as scans in flight. */
    public HttpSettings(
            String host,
            int port,
            AuthSettings auth,
            Optional<Path> samples,
            int maxInFlight,
            Duration deadline,
            int maxBodyBytes,
            int maxUserInput,
            Optional<RateLimit> rateLimit,
            Optional<String> serviceToken) {
        this(
                host,
                port,
                auth,
                samples,
                maxInFlight,
                deadline,
                maxBodyBytes,
                maxUserInput,
                rateLimit,
                serviceToken,
                StreamLimits.of(maxInFlight));
    }

    /** Connections bounded as {@link ConnectionLimits#forInFlight} says, and no try-it page (as prod runs). */
    public HttpSettings(
            String host,
            int port,
            AuthSettings auth,
            Optional<Path> samples,
            int maxInFlight,
            Duration deadline,
            int maxBodyBytes,
            int maxUserInput,
            Optional<RateLimit> rateLimit,
            Optional<String> serviceToken,
            StreamLimits streams) {
        this(
                host,
                port,
                auth,
                samples,
                maxInFlight,
                deadline,
                maxBodyBytes,
                maxUserInput,
                rateLimit,
                serviceToken,
                streams,
                ConnectionLimits.forInFlight(maxInFlight),
                false);
    }

    /** The same settings with other connection limits. */
    public HttpSettings withConnections(ConnectionLimits limits) {
        return new HttpSettings(
                host,
                port,
                auth,
                samples,
                maxInFlight,
                deadline,
                maxBodyBytes,
                maxUserInput,
                rateLimit,
                serviceToken,
                streams,
                limits,
                tryPage);
    }
}
