package dev.ecoscan.adapter.character;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A character service on 127.0.0.1 and an ephemeral port that answers what the test scripted, one
 * reply per request in order (the last one repeats), and keeps every request it received.
 */
final class CharacterServiceStub implements AutoCloseable {

    /** One request as the service saw it. */
    record Received(String method, String path, String authorization, String contentType, String body) {}

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private List<HttpHandler> script = List.of(status(404));
    private int next;

    CharacterServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(body, StandardCharsets.UTF_8)));
                nextReply().handle(exchange);
            }
        });
        server.start();
    }

    /** Answers the requests to come with these replies, in order; the last one answers every later request. */
    synchronized CharacterServiceStub replies(HttpHandler... replies) {
        script = List.of(replies);
        next = 0;
        return this;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    int attempts() {
        return received.size();
    }

    Received last() {
        return received().getLast();
    }

    static HttpHandler json(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    static HttpHandler status(int status) {
        return exchange -> exchange.sendResponseHeaders(status, -1);
    }

    /** A 200 with a JSON-looking body far larger than any real reply. */
    static HttpHandler huge(int bytes) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = " ".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                out.write('[');
                for (int written = 0; written < bytes; written += chunk.length) {
                    out.write(chunk);
                }
                out.write(']');
            } catch (IOException e) {
                // the client hung up, as it should
            }
        };
    }

    /** Sends nothing at all until the stub is closed. */
    HttpHandler stallBeforeHeaders() {
        return exchange -> awaitRelease();
    }

    /** Sends a 200's headers and the start of a body, then nothing until the stub is closed. */
    HttpHandler stallAfterHeaders() {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"received\": ".getBytes(StandardCharsets.US_ASCII));
            exchange.getResponseBody().flush();
            awaitRelease();
        };
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private synchronized HttpHandler nextReply() {
        HttpHandler reply = script.get(Math.min(next, script.size() - 1));
        next++;
        return reply;
    }

    private void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
