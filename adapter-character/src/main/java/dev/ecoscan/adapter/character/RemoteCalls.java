package dev.ecoscan.adapter.character;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Makes one call to the character service: each attempt bounded as a whole (headers and body),
 * bounded retries with exponential backoff and jitter on connect errors, timeouts and 5xx (a
 * Resilience4j {@link Retry}), every attempt counted by a circuit breaker, and never anything past the
 * caller's deadline.
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
final class RemoteCalls {

    static final String CIRCUIT_OPEN = "the character service is unavailable (circuit open)";
    static final String INTERRUPTED = "the call to the character service was interrupted";

    /** Far more than a reward or a collection of every character needs. */
    private static final int REPLY_LIMIT = 1024 * 1024;

    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);
    /** Each retry waits twice as long as the one before, before jitter. */
    private static final double BACKOFF_MULTIPLIER = 2.0;
    /** Each wait is drawn from ±50 % around its exponential value, so that clients that failed together spread out. */
    private static final double BACKOFF_JITTER = 0.5;

    private final HttpClient client;
    private final RemoteCharacterService settings;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Clock clock;

    RemoteCalls(HttpClient client, RemoteCharacterService settings, CircuitBreaker breaker, Retry retry, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.retry = requireOwn(retry);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * How the character service's calls are retried: at most {@code maxRetries} retries, only after a
     * connect error, a timeout or a 5xx, each after an exponential, jittered wait that must end before
     * the call's deadline.
     */
    static RetryConfig retryConfig(RemoteCharacterService settings) {
        IntervalFunction backoff = backoff(settings.backoff());
        return RetryConfig.<Object>custom()
                .maxAttempts(settings.maxRetries() + 1)
                .retryOnException(error -> error instanceof FailedAttempt failed && failed.worthAnotherAttempt(backoff))
                .intervalBiFunction(new PlannedWait())
                .build();
    }

    /**
     * {@code retry}, if its configuration is {@link #retryConfig}'s: a Retry configured elsewhere (a
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
            return send(request, timeout, cutByDeadline, reader);
        } catch (RemoteCallFailed failure) {
            throw new FailedAttempt(failure, attempt, deadline, clock);
        }
    }

    private <T> T send(HttpRequest template, Duration timeout, boolean cutByDeadline, Function<String, T> reader)
            throws RemoteCallFailed {
        // The request timeout stops at the headers; waiting on the future bounds the body as well.
        HttpRequest request = HttpRequest.newBuilder(template, (name, value) -> true)
                .timeout(timeout)
                .build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> reply;
        HttpResponse<String> response;
        try {
            reply = client.sendAsync(request, RemoteReplyBody.limitedTo(REPLY_LIMIT));
        } catch (RuntimeException e) {
            // Every permission the breaker gave must be answered, or a half-open breaker would wait forever.
            throw failed(start, describe(e));
        }
        try {
            response = reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw timedOut(start, cutByDeadline);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException
                    && !(e.getCause() instanceof HttpConnectTimeoutException)) {
                throw timedOut(start, cutByDeadline);
            }
            throw failed(start, describe(e.getCause()));
        } catch (CancellationException e) {
            throw failed(start, new RemoteCallFailed("the call to the character service was cancelled", false));
        } catch (InterruptedException e) {
            reply.cancel(true);
            // An interrupted call says nothing about the service's health.
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            throw new RemoteCallFailed(INTERRUPTED, false);
        }
        return answer(start, response, reader);
    }

    private <T> T answer(long start, HttpResponse<String> response, Function<String, T> reader)
            throws RemoteCallFailed {
        int status = response.statusCode();
        if (status >= 500) {
            throw failed(start, new RemoteCallFailed("the character service failed (HTTP " + status + ")", true));
        }
        if (status == 429) {
            // Overload: count it against the service so the breaker can give it room, but do not add to it now.
            throw failed(start, new RemoteCallFailed("the character service is overloaded (HTTP 429)", false));
        }
        if (status < 200 || status > 299) {
            // The service is up and answering; the request (or its token) is wrong, which no retry and no
            // breaker can fix.
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw new RemoteCallFailed(
                    status == 401 || status == 403
                            ? "the character service refused eco-scan's service token (HTTP " + status + ")"
                            : "the character service rejected the call (HTTP " + status + ")",
                    false);
        }
        T result;
        try {
            result = reader.apply(response.body());
        } catch (IllegalArgumentException e) {
            throw failed(
                    start,
                    new RemoteCallFailed("the character service's reply could not be read: " + e.getMessage(), false));
        } catch (RuntimeException e) {
            throw failed(
                    start,
                    new RemoteCallFailed(
                            "the character service's reply could not be read ("
                                    + e.getClass().getSimpleName() + ")",
                            false));
        }
        breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }

    private RemoteCallFailed timedOut(long start, boolean cutByDeadline) {
        if (cutByDeadline) {
            // The caller's deadline, not the service, ended this attempt (a scan whose earlier steps were
            // slow): that says nothing about the service's health, so the breaker does not count it.
            breaker.releasePermission();
            return new RemoteCallFailed("the character service did not answer before the deadline", true);
        }
        return failed(start, new RemoteCallFailed("the character service did not answer in time", true));
    }

    private RemoteCallFailed failed(long start, RemoteCallFailed failure) {
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
        return failure;
    }

    private static RemoteCallFailed describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RemoteReplyBody.TooLarge) {
                return new RemoteCallFailed("the character service's reply was too large", false);
            }
        }
        return switch (error) {
            case HttpConnectTimeoutException e ->
                new RemoteCallFailed("the character service could not be reached in time", true);
            case ConnectException e -> new RemoteCallFailed("the character service could not be reached", true);
            case IOException e -> new RemoteCallFailed("the connection to the character service failed", true);
            default ->
                new RemoteCallFailed(
                        "the call to the character service failed ("
                                + error.getClass().getSimpleName() + ")",
                        false);
        };
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

    /**
     * A failed attempt of one call, with what the retry predicate needs to decide on another: the failure,
     * which attempt it was, and the call's deadline and clock. It holds the wait the predicate checked, so
     * that the Retry sleeps exactly that. It stays on the thread of its call.
     */
    static final class FailedAttempt extends Exception {

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

    /** The wait the retry predicate drew and checked against the deadline (see {@link FailedAttempt}). */
    private static final class PlannedWait implements IntervalBiFunction<Object> {

        @Override
        public Long apply(Integer attempts, Either<Throwable, Object> outcome) {
            return outcome.isLeft() && outcome.getLeft() instanceof FailedAttempt failed
                    ? failed.plannedWaitMillis
                    : 0L;
        }
    }
}
