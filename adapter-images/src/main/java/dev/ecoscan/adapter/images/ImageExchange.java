package dev.ecoscan.adapter.images;

import dev.ecoscan.support.http.OutboundHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** One GET of a checked hop, headers and body bounded by the fetch's deadline, read by a {@link ReplyHandler}. */
final class ImageExchange {

    private static final String ACCEPT = String.join(", ", "image/png", "image/jpeg", "image/gif", "image/webp");

    private final ImageFetchPolicy policy;
    private final HttpClient http;

    ImageExchange(ImageFetchPolicy policy, HttpClient http) {
        this.policy = policy;
        this.http = http;
    }

    /** One exchange; whatever way it ends but with a body, the handler's hold is given back. */
    Reply send(URI target, String host, FetchDeadline deadline, ReplyHandler handler) throws FetchRefused {
        boolean body = false;
        try {
            Reply reply = exchange(target, host, deadline, handler);
            body = reply instanceof Reply.Body;
            return reply;
        } finally {
            if (!body) {
                handler.abandon();
            }
        }
    }

    private Reply exchange(URI target, String host, FetchDeadline deadline, ReplyHandler handler) throws FetchRefused {
        long remaining = deadline.remainingNanos();
        // HTTP/1.1 on plain http (no h2c upgrade offer), HTTP/2 by ALPN on https.
        HttpRequest request = OutboundHttp.request(target)
                // The request timeout covers the headers only; get() below bounds the body too.
                .timeout(Duration.ofNanos(remaining))
                .header("Accept", ACCEPT)
                .header("User-Agent", "eco-scan")
                .GET()
                .build();
        CompletableFuture<HttpResponse<Reply>> exchange = http.sendAsync(request, handler);
        try {
            return exchange.get(remaining, TimeUnit.NANOSECONDS).body();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FetchRefused("fetching the image took longer than " + policy.totalTimeoutText());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchRefused("fetching the image was interrupted");
        } catch (ExecutionException e) {
            throw new FetchRefused(failure(e.getCause(), UrlRules.quoted(host)));
        }
    }

    private String failure(Throwable cause, String host) {
        return switch (cause) {
            case HttpConnectTimeoutException e -> "connecting to image host " + host + " timed out";
            case HttpTimeoutException e -> "fetching the image took longer than " + policy.totalTimeoutText();
            case ConnectException e -> "image host " + host + " could not be reached";
            case SSLException e -> "the TLS handshake with image host " + host + " failed";
            case IOException e -> "fetching the image from " + host + " failed";
            default ->
                "fetching the image from " + host + " failed ("
                        + cause.getClass().getSimpleName() + ")";
        };
    }
}
