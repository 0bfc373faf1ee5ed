package dev.ecoscan.testservers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 server on a plain socket that keeps every request exactly as it arrived
 * (request line, headers, body), so a test can prove what a client really sends, e.g. that no
 * request offers {@code Upgrade: h2c}. It answers each request with what {@code reply} says and
 * closes the connection.
 */
public final class RawHttpCapture implements AutoCloseable {

    /** One request as received. */
    public record Captured(String head, byte[] body) {

        /** The values of a header, matched by name case-insensitively. */
        public List<String> header(String name) {
            return head.lines()
                    .skip(1)
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .toList();
        }

        public String requestLine() {
            return head.lines().findFirst().orElse("");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer: a status, a content type and a body. */
    public record Reply(int status, String contentType, byte[] body) {

        public static Reply json(int status, String json) {
            return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final ServerSocket socket;
    private final Function<Captured, Reply> reply;
    private final List<Captured> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RawHttpCapture(Function<Captured, Reply> reply) throws IOException {
        this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.reply = reply;
        this.acceptor = Thread.ofVirtual().name("raw-http-capture").start(this::acceptAll);
    }

    public static RawHttpCapture start(Function<Captured, Reply> reply) throws IOException {
        return new RawHttpCapture(reply);
    }

    /**
     * A capture that answers each request with what {@code upstream} answers to it (the same path and
     * JSON body, POSTed over HTTP/1.1): a recording proxy in front of a real server, e.g. the simulator.
     */
    public static RawHttpCapture forwardingTo(URI upstream) throws IOException {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new RawHttpCapture(request -> forward(client, upstream, request));
    }

    private static Reply forward(HttpClient client, URI upstream, Captured request) {
        String path = request.requestLine().split(" ")[1];
        try {
            HttpResponse<byte[]> reply = client.send(
                    HttpRequest.newBuilder(upstream.resolve(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(
                    reply.statusCode(),
                    reply.headers().firstValue("Content-Type").orElse("application/json"),
                    reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String root() {
        return "http://127.0.0.1:" + port();
    }

    public List<Captured> requests() {
        return List.copyOf(requests);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(10_000);
            InputStream in = connection.getInputStream();
            String head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            Captured partial = new Captured(head, new byte[0]);
            int length = partial.header("Content-Length").stream()
                    .findFirst()
                    .map(Integer::parseInt)
                    .orElse(0);
            Captured captured = new Captured(head, in.readNBytes(length));
            requests.add(captured);
            Reply answer = reply.apply(captured);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 " + answer.status() + " Status\r\nContent-Type: " + answer.contentType()
                            + "\r\nContent-Length: " + answer.body().length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(answer.body());
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // A client that hangs up early is the client's business; the test reads what was captured.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && (b = in.read()) != -1; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
