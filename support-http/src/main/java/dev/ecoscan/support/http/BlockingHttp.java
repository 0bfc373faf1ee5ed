package dev.ecoscan.support.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Blocking HTTP/1.1 clients (Apache HttpClient 5, classic) for the calls a scan makes from its
 * virtual threads, and exchanges bounded by a total deadline.
 *
 * <p>Why not the JDK client for these: its exchanges are asynchronous even when the caller blocks, so
 * each one passes through a selector thread, completable futures and an executor, and wakes threads
 * on the way. A blocking exchange on a virtual thread only parks that thread on the socket. Moving
 * the image fetch and the plain model calls here took the service's CPU per scan at the reference
 * load from 5.30 to 4.62 ms (docs/benchmarks.md, "Fourth pass"). It speaks HTTP/1.1 only, which
 * every OpenAI-compatible server and image host speaks, and never offers an h2c upgrade.
 *
 * <p>What every client leaves out, on purpose: proxies (a proxy would resolve and connect out of reach
 * of the image fetch's address checks), automatic retries (the model adapters retry with their own
 * policy, which honours {@code Retry-After}), redirects (the image fetch checks each hop itself),
 * cookies, and content compression (replies are small JSON or already-compressed images).
 */
public final class BlockingHttp {

    /**
     * Connections kept per client, and per host. The in-flight bound on scans limits how many are
     * used at once; this only keeps the pool from being the tighter limit.
     */
    private static final int MAX_CONNECTIONS = 4096;

    /** An idle connection is checked before reuse once it has been idle this long. */
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(2);

    /**
     * Cuts off exchanges at their deadline. One daemon thread for the process: it only calls {@code
     * cancel()}, which closes the exchange's connection, so it never blocks.
     */
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private BlockingHttp() {}

    /**
     * A client that resolves host names with the system resolver.
     *
     * @param connectTimeout how long a TCP (and TLS) connect may take
     * @return a new client; close it to release its connections
     */
    public static CloseableHttpClient client(Duration connectTimeout) {
        return client(connectTimeout, SystemDefaultDnsResolver.INSTANCE);
    }

    /**
     * A client that connects only to the addresses {@code resolver} gives for a host.
     *
     * @param connectTimeout how long a TCP (and TLS) connect may take
     * @param resolver the host names' addresses, the only ones the client connects to
     * @return a new client; close it to release its connections
     */
    public static CloseableHttpClient client(Duration connectTimeout, DnsResolver resolver) {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(connections)
                        .setDnsResolver(resolver)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    /**
     * Sends {@code request} and reads its reply with {@code handler}, all within {@code budget}:
     * waiting for a pooled connection, connecting, sending, and reading the whole body. At the
     * deadline the exchange's connection is closed, so a server that sends headers and then stalls
     * its body is cut off too.
     *
     * @param client the client to send with
     * @param request the request; its config is replaced by one bounded by {@code budget}
     * @param budget the time the whole exchange may take
     * @param handler reads the reply; a body it reads to the end gives its connection back to the
     *     pool, a body it leaves unread has its connection closed
     * @param <T> what the handler makes of the reply
     * @return what the handler returned
     * @throws DeadlinePassed when the budget ran out first
     * @throws IOException when the exchange failed otherwise (a connect timeout among them)
     */
    public static <T> T exchange(
            CloseableHttpClient client,
            HttpUriRequestBase request,
            Duration budget,
            HttpClientResponseHandler<? extends T> handler)
            throws IOException {
        Timeout bound = Timeout.of(budget.isNegative() || budget.isZero() ? Duration.ofMillis(1) : budget);
        request.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(bound)
                .setResponseTimeout(bound)
                .build());
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(
                () -> {
                    cut.set(true);
                    request.cancel();
                },
                bound.toNanoseconds(),
                TimeUnit.NANOSECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, null);
            return handler.handleResponse(response);
        } catch (HttpException e) {
            throw new IOException("the reply broke the HTTP protocol", e);
        } catch (IOException e) {
            // A read that waited the whole budget is the deadline too; a connect that took longer than
            // the connect timeout (Apache's ConnectTimeoutException, a SocketTimeoutException) is not.
            if (cut.get() || (e instanceof SocketTimeoutException && !(e instanceof ConnectTimeoutException))) {
                throw new DeadlinePassed(e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
            // A body the handler read to its end has already given its connection back to the pool,
            // and this does nothing. A body it left unread (a refusal, a reply over the size cap) is
            // not drained: its connection is dropped.
            request.cancel();
            if (response != null) {
                closeDropped(response);
            }
        }
    }

    private static void closeDropped(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException expected) {
            // Closing tries to drain a body that was left unread, on a connection that is already
            // closed; the handler's result stands.
        }
    }

    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().daemon().name("outbound-deadlines").factory());
        // Nearly every exchange ends before its deadline; its cancelled timer leaves the queue at once.
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }

    /** An exchange ran out of its time budget and was cut off. */
    public static final class DeadlinePassed extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlinePassed(IOException cause) {
            super("the exchange ran past its deadline", cause);
        }
    }
}
