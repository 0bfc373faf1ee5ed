package dev.ecoscan.bootstrap.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bench's stand-in for the image host of the reference load test (a CDN the scanned photo lives
 * on): one image served from the bench's own process, so that serving it is not counted in the
 * service's CPU per scan, as the CDN's work was not counted in the reference system's. The service
 * still fetches it over HTTP for every scan, which is its own cost and stays in the measure.
 */
public final class ImageHost implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final URI url;

    private ImageHost(HttpServer server, ExecutorService threads, URI url) {
        this.server = server;
        this.threads = threads;
        this.url = url;
    }

    /**
     * Serves {@code image} on a free loopback port until closed.
     *
     * @param image a PNG file
     * @return the running host
     * @throws IOException when the file cannot be read or no port can be bound
     */
    public static ImageHost serving(Path image) throws IOException {
        byte[] bytes = Files.readAllBytes(image);
        String path = "/" + image.getFileName();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> answer(exchange, path, bytes));
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new ImageHost(server, threads, url);
    }

    /**
     * Where the image is.
     *
     * @return its http URL on loopback
     */
    public URI url() {
        return url;
    }

    private static void answer(HttpExchange exchange, String path, byte[] bytes) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path) || !"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
