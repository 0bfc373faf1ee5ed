package dev.ecoscan.adapter.openai;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LangChain4j's HTTP client for plain requests, sending them with Helidon's blocking client so that an
 * error reply's {@code Retry-After} header survives (LangChain4j's {@code HttpException} keeps only
 * the status and body). Streaming requests go to LangChain4j's JDK client. Both carry the call's
 * {@link CallHeaders} (its trace context).
 *
 * <p>The exchange runs on the calling (virtual) thread. Each read waits at most the read timeout, or
 * what is left before the scan's deadline when that is sooner; a provider that keeps trickling bytes
 * is stopped by the scan's deadline guard, which interrupts the call (socket I/O on a virtual thread
 * gives way to an interrupt).
 */
final class RetryAfterHttpClient implements HttpClient {

    private final WebClient plain;
    private final Duration readTimeout;
    private final HttpClient streaming;
    private final Clock clock;

    RetryAfterHttpClient(WebClient plain, Duration readTimeout, HttpClient streaming, Clock clock) {
        this.plain = plain;
        this.readTimeout = readTimeout;
        this.streaming = streaming;
        this.clock = clock;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        Duration timeout = readTimeout;
        boolean boundByDeadline = false;
        Optional<Instant> deadline = CallDeadline.current();
        if (deadline.isPresent()) {
            Duration remaining = Duration.between(clock.instant(), deadline.get());
            if (remaining.compareTo(timeout) < 0) {
                timeout = remaining.isNegative() || remaining.isZero() ? Duration.ofMillis(1) : remaining;
                boundByDeadline = true;
            }
        }
        HttpClientRequest call = plain.method(Method.create(request.method().name()))
                .uri(URI.create(request.url()))
                .readTimeout(timeout);
        request.headers().forEach((name, values) -> call.header(HeaderNames.create(name), values));
        CallHeaders.current().forEach((name, value) -> call.header(HeaderNames.create(name), List.of(value)));
        try (HttpClientResponse response = request.body() == null
                ? call.request()
                : call.submit(request.body().getBytes(StandardCharsets.UTF_8))) {
            int status = response.status().code();
            String body = response.as(String.class);
            if (status < 200 || status > 299) {
                throw new ProviderHttpException(
                        status,
                        body,
                        response.headers().first(HeaderNames.RETRY_AFTER).flatMap(this::parseRetryAfter));
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(headers(response))
                    .body(body)
                    .build();
        } catch (ProviderHttpException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e, boundByDeadline);
        }
    }

    private RuntimeException failure(RuntimeException e, boolean boundByDeadline) {
        if (Thread.currentThread().isInterrupted()) {
            return new ProviderTimeoutException("interrupted at the scan's deadline", true, e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return timedOut(boundByDeadline, e);
            }
            if (cause instanceof InterruptedIOException) {
                return new ProviderTimeoutException("interrupted at the scan's deadline", true, e);
            }
        }
        Throwable root = e.getCause() == null ? e : e.getCause();
        return new ProviderUnreachableException(root.getMessage() == null ? root.toString() : root.getMessage(), e);
    }

    private static Map<String, List<String>> headers(HttpClientResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.headers()) {
            headers.computeIfAbsent(header.name(), name -> new ArrayList<>()).addAll(header.allValues());
        }
        return headers;
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
        Map<String, String> extra = CallHeaders.current();
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
