package dev.ecoscan.adapter.character;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes one call to the character service: attempts ({@link BreakerCountedAttempt}) while the circuit
 * breaker allows, retried by the service's {@link DeadlineRetry} on connect errors, timeouts and 5xx,
 * and never anything past the caller's deadline.
 */
final class RemoteCalls {

    static final String CIRCUIT_OPEN = "the character service is unavailable (circuit open)";
    static final String INTERRUPTED = "the call to the character service was interrupted";

    private final BreakerCountedAttempt attempts;
    private final RemoteCharacterService settings;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Clock clock;

    RemoteCalls(HttpClient client, RemoteCharacterService settings, CircuitBreaker breaker, Retry retry, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.attempts = new BreakerCountedAttempt(Objects.requireNonNull(client, "client"), breaker);
        this.retry = requireOwn(retry);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@link DeadlineRetry#config}: how the character service's calls are retried. */
    static RetryConfig retryConfig(RemoteCharacterService settings) {
        return DeadlineRetry.config(settings);
    }

    /** {@link DeadlineRetry#requireOwn}: {@code retry}, if it was configured by {@link #retryConfig}. */
    static Retry requireOwn(Retry retry) {
        return DeadlineRetry.requireOwn(retry);
    }

    /**
     * Sends {@code request} until a 2xx reply that {@code reader} accepts, a failure that another
     * attempt cannot fix, the last retry, an open circuit or the deadline, whichever comes first.
     *
     * @param reader turns a 2xx body into the result; throws {@link IllegalArgumentException} when it cannot
     * @throws RemoteCallFailed with a short reason when there is no result
     */
    <T> T exchange(HttpRequest request, Instant deadline, Function<String, T> reader) throws RemoteCallFailed {
        // Confined to this call: the Retry runs its attempts one after another on the calling thread.
        int[] attempts = {0};
        try {
            return Retry.decorateCheckedSupplier(retry, () -> attempt(++attempts[0], request, deadline, reader))
                    .get();
        } catch (FailedAttempt failed) {
            if (Thread.currentThread().isInterrupted() && failed.failure().retryable()) {
                // Resilience4j ends a wait that was interrupted by throwing the last failure again.
                throw new RemoteCallFailed(INTERRUPTED, false);
            }
            throw failed.failure().afterAttempts(failed.attempt());
        } catch (RemoteCallFailed refused) {
            // Refused before anything was sent (no time left, circuit open): no attempt to count.
            throw refused;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("an attempt failed in an unexpected way", e);
        }
    }

    /** One attempt, unless the deadline has passed or the circuit is open; its failure is thrown as a FailedAttempt. */
    private <T> T attempt(int attempt, HttpRequest request, Instant deadline, Function<String, T> reader)
            throws RemoteCallFailed, FailedAttempt {
        Duration remaining = Duration.between(clock.instant(), deadline);
        if (!remaining.isPositive()) {
            throw new RemoteCallFailed("no time was left before the deadline to call the character service", false);
        }
        if (!breaker.tryAcquirePermission()) {
            throw new RemoteCallFailed(CIRCUIT_OPEN, false);
        }
        boolean cutByDeadline = remaining.compareTo(settings.readTimeout()) < 0;
        Duration timeout = cutByDeadline ? remaining : settings.readTimeout();
        try {
            return attempts.send(request, timeout, cutByDeadline, reader);
        } catch (RemoteCallFailed failure) {
            throw new FailedAttempt(failure, attempt, deadline, clock);
        }
    }
}
