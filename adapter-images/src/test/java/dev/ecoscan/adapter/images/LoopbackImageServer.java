package dev.ecoscan.adapter.images;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A JDK HTTP server on 127.0.0.1 and an ephemeral port, serving what each test routes to it. */
final class LoopbackImageServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);

    LoopbackImageServer() {
        try {
            // A deep backlog, so that hundreds of simultaneous connects are not dropped and retried.
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            try (exchange) {
                HttpHandler route = routes.get(exchange.getRequestURI().getPath());
                if (route == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    route.handle(exchange);
                }
            }
        });
        server.start();
    }

    LoopbackImageServer route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Every request target served, in order of arrival. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    static HttpHandler image(String contentType, byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    static HttpHandler redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    static HttpHandler status(int status) {
        return exchange -> exchange.sendResponseHeaders(status, -1);
    }

    /** Sends headers and the first bytes of a PNG, then stalls until the server is closed. */
    HttpHandler stallAfterHeaders() {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(TestImages.png(), 0, 16);
            body.flush();
            awaitRelease();
        };
    }

    /** Stalls before sending anything at all. */
    HttpHandler stallBeforeHeaders() {
        return exchange -> awaitRelease();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Streams a PNG-looking body far larger than any limit, counting what the client let it write. */
    static final class Flood implements HttpHandler {

        private final long total;
        private final boolean declaresLength;
        private final AtomicLong written = new AtomicLong();
        private final CountDownLatch finished = new CountDownLatch(1);

        Flood(long total, boolean declaresLength) {
            this.total = total;
            this.declaresLength = declaresLength;
        }

        @Override
        public void handle(HttpExchange exchange) {
            byte[] chunk = new byte[64 * 1024];
            byte[] png = TestImages.png();
            System.arraycopy(png, 0, chunk, 0, png.length);
            try {
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, declaresLength ? total : 0);
                OutputStream body = exchange.getResponseBody();
                while (written.get() < total) {
                    body.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // the client hung up: what this test wants to see
            } finally {
                finished.countDown();
            }
        }

        long written() {
            return written.get();
        }

        long total() {
            return total;
        }

        boolean awaitFinished() throws InterruptedException {
            return finished.await(10, TimeUnit.SECONDS);
        }
    }
}
