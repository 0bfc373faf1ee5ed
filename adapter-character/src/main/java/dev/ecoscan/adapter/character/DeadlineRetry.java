package dev.ecoscan.adapter.character;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The retry of the character service's calls: bounded retries with exponential backoff and jitter,
 * none that would end past the call's deadline.
 *
 * <p><b>One Retry per service, deadlines per call.</b> The {@link Retry} is the service's one named
 * instance (from a registry, so that its metrics can be exported), shared by every concurrent call;
 * building one per call would keep the deadline simple but leave the registry's instance counting
 * nothing. So the per-call state does not live in the Retry: each failed attempt is thrown as a
 * {@link FailedAttempt} that carries its call's deadline, clock and attempt number. The retry predicate
 * ({@link RetryConfig.Builder#retryOnException}) draws the next wait from the exponential random
 * backoff, computes the time left before that call's deadline, and retries only when the wait ends
 * before it; the interval function then sleeps exactly the wait the predicate checked. An exception
 * belongs to one call on one thread, so concurrent calls never see each other's deadlines, and the
 * Retry keeps a context (the attempt count) per call of its own.
 */
final class DeadlineRetry {

    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);
    /** Each retry waits twice as long as the one before, before jitter. */
    private static final double BACKOFF_MULTIPLIER = 2.0;
    /** Each wait is drawn from ±50 % around its exponential value, so that clients that failed together spread out. */
    private static final double BACKOFF_JITTER = 0.5;

    private DeadlineRetry() {}

    /**
     * How the character service's calls are retried: at most {@code maxRetries} retries, only after a
     * connect error, a timeout or a 5xx, each after an exponential, jittered wait that must end before
     * the call's deadline.
     */
    static RetryConfig config(RemoteCharacterService settings) {
        IntervalFunction backoff = backoff(settings.backoff());
        return RetryConfig.<Object>custom()
                .maxAttempts(settings.maxRetries() + 1)
                .retryOnException(error -> error instanceof FailedAttempt failed && failed.worthAnotherAttempt(backoff))
                .intervalBiFunction(new PlannedWait())
                .build();
    }

    /**
     * {@code retry}, if its configuration is {@link #config}'s: a Retry configured elsewhere (a
     * registry's default, say) would retry what must not be (an open circuit, a 4xx) and ignore deadlines.
     */
    static Retry requireOwn(Retry retry) {
        Objects.requireNonNull(retry, "retry");
        if (!(retry.getRetryConfig().getIntervalBiFunction() instanceof PlannedWait)) {
            throw new IllegalArgumentException("the retry '" + retry.getName()
                    + "' was not configured for the character service's calls, so it cannot keep their deadlines");
        }
        return retry;
    }

    /**
     * Exponential from {@code first}, doubling, capped at {@link #LONGEST_BACKOFF}, with jitter (Resilience4j's
     * {@link IntervalFunction#ofExponentialRandomBackoff}). Resilience4j needs at least 1 ms to start from,
     * so a shorter backoff means retrying at once.
     */
    private static IntervalFunction backoff(Duration first) {
        if (first.toMillis() < 1) {
            return attempt -> 0L;
        }
        return IntervalFunction.ofExponentialRandomBackoff(first, BACKOFF_MULTIPLIER, BACKOFF_JITTER, LONGEST_BACKOFF);
    }

    /** The wait the retry predicate drew and checked against the deadline (see {@link FailedAttempt}). */
    private static final class PlannedWait implements IntervalBiFunction<Object> {

        @Override
        public Long apply(Integer attempts, Either<Throwable, Object> outcome) {
            return outcome.isLeft() && outcome.getLeft() instanceof FailedAttempt failed
                    ? failed.plannedWaitMillis()
                    : 0L;
        }
    }
}
