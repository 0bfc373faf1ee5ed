package dev.ecoscan.adapter.character;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A failed attempt of one call, with what the retry predicate needs to decide on another: the failure,
 * which attempt it was, and the call's deadline and clock. It holds the wait the predicate checked, so
 * that the Retry sleeps exactly that. It stays on the thread of its call.
 */
final class FailedAttempt extends Exception {

    private final RemoteCallFailed failure;
    private final int attempt;
    private final Instant deadline;
    private final Clock clock;
    private long plannedWaitMillis;

    FailedAttempt(RemoteCallFailed failure, int attempt, Instant deadline, Clock clock) {
        // No stack trace, like the failure it carries.
        super(failure.reason(), null, false, false);
        this.failure = failure;
        this.attempt = attempt;
        this.deadline = deadline;
        this.clock = clock;
    }

    RemoteCallFailed failure() {
        return failure;
    }

    int attempt() {
        return attempt;
    }

    /** The wait {@link #worthAnotherAttempt} drew and checked, for the Retry to sleep. */
    long plannedWaitMillis() {
        return plannedWaitMillis;
    }

    /** Whether another attempt may help and the wait before it, drawn now, ends before the deadline. */
    boolean worthAnotherAttempt(IntervalFunction backoff) {
        if (!failure.retryable()) {
            return false;
        }
        long wait = backoff.apply(attempt);
        Duration remaining = Duration.between(clock.instant(), deadline);
        if (remaining.compareTo(Duration.ofMillis(wait)) <= 0) {
            return false;
        }
        plannedWaitMillis = wait;
        return true;
    }
}
