package dev.ecoscan.support.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The one factory of outbound JDK HTTP clients. Cleartext requests speak HTTP/1.1; HTTP/2 is offered
 * only over TLS, where ALPN negotiates it (and falls back to 1.1 when the server has no HTTP/2).
 *
 * <p>Why: the JDK client defaults to HTTP/2 and, on an {@code http://} URL, sends {@code Connection:
 * Upgrade, HTTP2-Settings} and {@code Upgrade: h2c} with every request. Debian's uvicorn answers
 * {@code 400 Unsupported upgrade request}, newer uvicorn with httptools drops the body, and Envoy
 * sidecars refuse it, so every provider behind them failed.
 */
public final class OutboundHttp {

    /**
     * Where a client completes its exchanges. The JDK's default is a cached pool of platform threads,
     * so every response is handed from the selector thread to a parked platform thread (a futex wake
     * and a context switch each time); virtual threads run on carriers that are already busy with the
     * scans, so a response wakes no parked thread.
     */
    private static final Executor EXCHANGES = Executors.newVirtualThreadPerTaskExecutor();

    private OutboundHttp() {}

    /**
     * A client builder for calls to one base URL: HTTP/2 only when that URL is https.
     *
     * @param base the base URL every call goes to
     * @return a builder with the HTTP version set for it
     */
    public static HttpClient.Builder clientFor(URI base) {
        return HttpClient.newBuilder().version(versionFor(base)).executor(EXCHANGES);
    }

    /**
     * A client builder for calls to many URLs: HTTP/1.1 unless a request asks otherwise, so a request
     * built anywhere without {@link #request} is still safe on cleartext.
     *
     * @return a builder on HTTP/1.1
     */
    public static HttpClient.Builder client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(EXCHANGES);
    }

    /**
     * A request builder whose HTTP version suits its URL: HTTP/2 (by ALPN) over https, else HTTP/1.1.
     *
     * @param uri where the request goes
     * @return a builder with the version set for {@code uri}
     */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).version(versionFor(uri));
    }

    /**
     * HTTP/2 for https, where TLS negotiates it; HTTP/1.1 for anything else.
     *
     * @param uri where a request goes
     * @return the version to ask for
     */
    public static HttpClient.Version versionFor(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }
}
