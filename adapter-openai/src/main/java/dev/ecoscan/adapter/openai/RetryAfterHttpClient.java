package dev.ecoscan.adapter.openai;

import dev.ecoscan.support.http.BlockingHttp;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * LangChain4j's HTTP client for plain requests, sending them with a blocking client of its own
 * ({@link BlockingHttp}: a model call is a blocking exchange on the scan's virtual thread, cheaper
 * in CPU than the JDK client's asynchronous one) and keeping an error reply's {@code Retry-After}
 * header (LangChain4j's {@code HttpException} keeps only the status and body). Streaming requests go
 * to LangChain4j's JDK client. Both carry the call's {@link CallContext#HEADERS} (its trace context).
 */
final class RetryAfterHttpClient implements HttpClient {

    /** Request headers the client sets from the body it sends, never copied from LangChain4j's. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "host", "connection");

    private final CloseableHttpClient http;
    private final Duration readTimeout;
    private final HttpClient streaming;
    private final Clock clock;

    RetryAfterHttpClient(CloseableHttpClient http, Duration readTimeout, HttpClient streaming, Clock clock) {
        this.http = http;
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
        HttpUriRequestBase outbound = new HttpUriRequestBase(request.method().name(), URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            // The client frames the body itself; a copied length or encoding would contradict it.
            if (!FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> outbound.addHeader(name, value));
            }
        });
        CallContext.HEADERS.current().orElse(Map.of()).forEach(outbound::setHeader);
        if (request.body() != null) {
            outbound.setEntity(new StringEntity(request.body(), StandardCharsets.UTF_8));
        }
        ProviderReply reply;
        try {
            // The whole exchange is bounded, body included: a provider that sends headers and then
            // stalls is cut off at the timeout too.
            reply = BlockingHttp.exchange(http, outbound, timeout, ProviderReply::read);
        } catch (BlockingHttp.DeadlinePassed | ConnectTimeoutException e) {
            // A connect timeout counts as the provider not answering in time, as it did on the JDK
            // client (whose HttpConnectTimeoutException is an HttpTimeoutException).
            throw timedOut(boundByDeadline, e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ProviderTimeoutException("interrupted at the scan's deadline", true, e);
            }
            throw new ProviderUnreachableException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        if (reply.status() < 200 || reply.status() > 299) {
            throw new ProviderHttpException(
                    reply.status(), reply.body(), reply.first("Retry-After").flatMap(this::parseRetryAfter));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(reply.status())
                .headers(reply.headers())
                .body(reply.body())
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
