package dev.ecoscan.adapter.character;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One attempt of a call to the character service, bounded as a whole (headers and body), whose outcome
 * the circuit breaker counts: a failure of the service as an error, an answer (even a 4xx) as a
 * success, and an attempt the caller's deadline or an interrupt cut short not at all.
 */
final class BreakerCountedAttempt {

    /** Far more than a reward or a collection of every character needs. */
    private static final int REPLY_LIMIT = 1024 * 1024;

    private final HttpClient client;
    private final CircuitBreaker breaker;

    BreakerCountedAttempt(HttpClient client, CircuitBreaker breaker) {
        this.client = client;
        this.breaker = breaker;
    }

    /**
     * Sends {@code template} with {@code timeout}; the breaker's permission must have been acquired.
     *
     * @param cutByDeadline whether {@code timeout} is the caller's time left rather than the read timeout
     */
    <T> T send(HttpRequest template, Duration timeout, boolean cutByDeadline, Function<String, T> reader)
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
            throw new RemoteCallFailed(RemoteCalls.INTERRUPTED, false);
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
}
