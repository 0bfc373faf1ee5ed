package dev.ecoscan.adapter.openai;

import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a rate-limited (429) or failing (5xx) call is retried on the same endpoint. The wait is
 * the provider's {@code Retry-After} when it sends one, else an exponential backoff with jitter;
 * never past the scan's deadline.
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

    /**
     * The Resilience4j retry of one endpoint. The scan's deadline is per call while the retry is
     * shared, so the interval function reads it from {@link CallContext#DEADLINE} (set on the calling thread,
     * where Resilience4j runs a synchronous retry) and answers a negative interval when the wait would
     * pass it, which makes Resilience4j give up and rethrow the last error.
     */
    RetryConfig config(Clock clock) {
        return RetryConfig.custom()
                .maxAttempts(maxRetries + 1)
                .retryOnException(error -> EndpointTrouble.of(error).retryable())
                .intervalBiFunction((Integer retry, Either<Throwable, Object> outcome) ->
                        waitMillis(retry, outcome.isLeft() ? outcome.getLeft() : null, clock))
                .failAfterMaxAttempts(false)
                .build();
    }

    private long waitMillis(int retry, Throwable error, Clock clock) {
        Optional<Duration> told =
                error == null ? Optional.empty() : EndpointTrouble.of(error).retryAfter();
        Duration wait = told.orElseGet(() -> {
            Duration backoff = backoff(retry);
            // Jitter spreads the retries of many scans hit by the same overload.
            return backoff.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, backoff.toMillis() / 4)));
        });
        Optional<Instant> deadline = CallContext.DEADLINE.current();
        if (deadline.isPresent() && !clock.instant().plus(wait).isBefore(deadline.get())) {
            return -1;
        }
        return wait.toMillis();
    }
}
