package dev.ecoscan.bootstrap;

import com.sun.net.httpserver.HttpServer;
import dev.ecoscan.adapter.http.ScanApiServer;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.domain.port.MetricsScrape.Scrape;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A worker has no API, but Prometheus must still see its steps, model calls and jobs: this serves
 * {@code GET /metrics} (and {@code /health/live}) on the worker's port, nothing else.
 */
final class WorkerMetricsEndpoint implements AutoCloseable {

    // serve's paths, so that one scrape configuration and one liveness probe fit both commands.
    static final String METRICS = ScanApiServer.METRICS;
    static final String LIVE = ScanApiServer.LIVE;

    private final HttpServer server;

    private WorkerMetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    static WorkerMetricsEndpoint start(String host, int port, EcoScanMetrics metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the worker cannot serve its metrics on " + host + ":" + port
                            + " (set ECO_SCAN_PORT to a free port): " + e.getMessage(),
                    e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status;
            String type;
            String body;
            if (path.equals(METRICS)) {
                Scrape scrape = metrics.scrape(exchange.getRequestHeaders().getFirst("Accept"));
                status = 200;
                type = scrape.contentType();
                body = scrape.body();
            } else if (path.equals(LIVE)) {
                status = 200;
                type = "application/json";
                body = "{\"status\":\"UP\"}";
            } else {
                status = 404;
                type = "text/plain";
                body = "a worker serves " + METRICS + " and " + LIVE + " only\n";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return new WorkerMetricsEndpoint(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
