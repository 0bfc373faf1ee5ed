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
 */
public record HttpSettings(String host, int port, AuthSettings auth, Optional<Path> samples, int maxInFlight,
                           Duration deadline, int maxBodyBytes, int maxUserInput, Optional<RateLimit> rateLimit,
                           Optional<String> serviceToken) {

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
        if (maxBodyBytes < 256 || maxUserInput < 1) {
            throw new IllegalArgumentException("body and question limits must be positive");
        }
    }
}
