package dev.ecoscan.adapter.openai;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * LangChain4j's HTTP client for plain requests, sending them with the JDK client itself so that an
 * error reply's {@code Retry-After} header survives (LangChain4j's {@code HttpException} keeps only
 * the status and body). Streaming requests go to LangChain4j's JDK client. Both carry the call's
 * {@link CallContext#HEADERS} (its trace context).
 */
final class RetryAfterHttpClient implements HttpClient {

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;
    private final HttpClient streaming;
    private final Clock clock;

    RetryAfterHttpClient(java.net.http.HttpClient jdk, Duration readTimeout, HttpClient streaming, Clock clock) {
        this.jdk = jdk;
        this.readTimeout = readTimeout;
        this.streaming = streaming;
        this.clock = clock;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        Duration timeout = readTimeout;
        boolean boundByDeadline = false;
        Optional<Instant> deadline = CallContext.DEADLINE.current();
        if (deadline.isPresent()) {
            Duration remaining = Duration.between(clock.instant(), deadline.get());
            if (remaining.compareTo(timeout) < 0) {
                timeout = remaining.isNegative() || remaining.isZero() ? Duration.ofMillis(1) : remaining;
                boundByDeadline = true;
            }
        }
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .method(
                        request.method().name(),
                        request.body() == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        CallContext.HEADERS.current().orElse(Map.of()).forEach(builder::setHeader);
        HttpResponse<String> response;
        // The JDK's request timeout stops at the response headers; a provider that sends headers and
        // then stalls the body must be cut off too, so the whole exchange is bounded here.
        CompletableFuture<HttpResponse<String>> exchange =
                jdk.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
        try {
            response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut(boundByDeadline, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(boundByDeadline, cause);
            }
            throw new ProviderUnreachableException(
                    cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderTimeoutException("interrupted at the scan's deadline", true, e);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new ProviderHttpException(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    private ProviderTimeoutException timedOut(boolean boundByDeadline, Throwable cause) {
        return new ProviderTimeoutException(
                boundByDeadline
                        ? "no reply before the scan's deadline"
                        : "no reply within the read timeout of " + readTimeout.toMillis() + " ms",
                boundByDeadline,
                cause);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Map<String, String> extra = CallContext.HEADERS.current().orElse(Map.of());
        if (extra.isEmpty()) {
            streaming.execute(request, parser, listener);
            return;
        }
        // The request's own header map may be unmodifiable, so the trace headers go into a copy.
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        extra.forEach((name, value) -> headers.put(name, List.of(value)));
        HttpRequest.Builder traced = HttpRequest.builder()
                .method(request.method())
                .url(request.url())
                .headers(headers)
                .body(request.body());
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            traced.formDataFields(request.formDataFields()).formDataFiles(request.formDataFiles());
        }
        streaming.execute(traced.build(), parser, listener);
    }

    /** {@code Retry-After} is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
    Optional<Duration> parseRetryAfter(String value) {
        String text = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), when.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** The provider did not answer in time: within the read timeout, or before the scan's deadline. */
    static final class ProviderTimeoutException extends RuntimeException {
        private final boolean atDeadline;

        ProviderTimeoutException(String message, boolean atDeadline, Throwable cause) {
            super(message, cause);
            this.atDeadline = atDeadline;
        }

        boolean atDeadline() {
            return atDeadline;
        }
    }

    /** The provider could not be reached at all. */
    static final class ProviderUnreachableException extends RuntimeException {
        ProviderUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
