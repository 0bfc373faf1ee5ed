package dev.ecoscan.adapter.openai;

import java.time.Duration;

/**
 * How often a rate-limited (429) or failing (5xx) call is retried. The wait is the provider's
 * {@code Retry-After} when it sends one, else an exponential backoff; never past the scan's deadline.
 */
public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("retries must be between 0 and 10, was " + maxRetries);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and its maximum at least its first wait");
        }
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** The wait before retry number {@code retry} (1-based) when the provider did not say. */
    Duration backoff(int retry) {
        long millis = firstBackoff.toMillis() << Math.min(retry - 1, 16);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
