package dev.ecoscan.adapter.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecoscan.domain.port.MetricsScrape.Scrape;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** {@code GET /metrics} on a loopback JDK HTTP server, serving {@link EcoScanMetrics#scrape} as the service will. */
final class MetricsEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger scrapes = new AtomicInteger();
    private final AtomicReference<String> lastContentType = new AtomicReference<>("");

    private MetricsEndpoint(EcoScanMetrics metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> serve(metrics, exchange));
        server.setExecutor(threads);
        server.start();
    }

    static MetricsEndpoint serve(EcoScanMetrics metrics) throws IOException {
        return new MetricsEndpoint(metrics);
    }

    /** {@code 127.0.0.1:port}, as a Prometheus target. */
    String target() {
        return server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    int scrapes() {
        return scrapes.get();
    }

    /** The content type of the last scrape served: shows which format the scraper asked for. */
    String lastContentType() {
        return lastContentType.get();
    }

    private void serve(EcoScanMetrics metrics, HttpExchange exchange) throws IOException {
        try (exchange) {
            Scrape scrape = metrics.scrape(exchange.getRequestHeaders().getFirst("Accept"));
            byte[] body = scrape.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", scrape.contentType());
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            lastContentType.set(scrape.contentType());
            scrapes.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
