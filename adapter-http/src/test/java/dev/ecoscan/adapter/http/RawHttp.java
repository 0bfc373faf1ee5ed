package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.testservers.ResponseLeaks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests over a raw socket, their bytes exactly as given: what the JDK client refuses to send (a
 * bad header, a made-up method), or sends too fast (a body a byte at a time).
 */
final class RawHttp {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");
    /** CR LF CR LF as the last four bytes read, packed in an int. */
    private static final int BLANK_LINE = 0x0D0A0D0A;

    private RawHttp() {}

    /**
     * What came back: a status line, headers and body, or nothing before the server closed the
     * connection ({@code closed}, status -1). {@code took} runs from the first byte sent.
     */
    record Answer(int status, String head, String body, boolean closed, Duration took) {

        boolean isProblem() {
            return head.toLowerCase(Locale.ROOT).contains("\r\ncontent-type: application/problem+json");
        }

        JsonNode json() {
            try {
                return ApiFixture.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return closed
                    ? "closed after " + took.toMillis() + " ms"
                    : head.lines().findFirst().orElse("") + " " + body + " after " + took.toMillis() + " ms";
        }
    }

    /** A request line and headers (CRLF and the blank line added), then the body. */
    static byte[] request(String requestLine, String headers, byte[] body) {
        byte[] head = (requestLine + "\r\n" + headers + (headers.isEmpty() ? "" : "\r\n") + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Sends all of it at once and reads one answer. */
    static Answer exchange(int port, byte[] request, Duration timeout) {
        return trickle(port, request, 0, request.length, Duration.ZERO, timeout);
    }

    /**
     * Sends the first {@code atOnce} bytes, then the next {@code trickled} one at a time with
     * {@code pause} between them, while reading the answer on this thread. The server may answer,
     * or close, at any point; the sending stops there.
     */
    static Answer trickle(int port, byte[] bytes, int atOnce, int trickled, Duration pause, Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    out.write(bytes, 0, atOnce);
                    out.flush();
                    for (int i = atOnce; i < Math.min(bytes.length, atOnce + trickled); i++) {
                        LockSupport.parkNanos(pause.toNanos());
                        out.write(bytes[i]);
                        out.flush();
                    }
                } catch (IOException closedByTheServer) {
                    // The server answered or gave up on us: what it sent is read below.
                }
            });
            Answer answer = read(socket.getInputStream(), start);
            sender.interrupt();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer as its Content-Length says; an end of stream or a reset before it is "closed". */
    static Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int last4 = 0;
            while (last4 != BLANK_LINE) {
                int b = in.read();
                if (b < 0) {
                    return closed(head, start);
                }
                head.write(b);
                last4 = (last4 << 8) | b;
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1);
            Matcher length = CONTENT_LENGTH.matcher(headText);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            String bodyText = new String(body, StandardCharsets.UTF_8);
            ResponseLeaks.assertNone(bodyText, ApiFixture.SECRET, ApiFixture.SERVICE_TOKEN);
            int status = headText.startsWith("HTTP/1.1 ") ? Integer.parseInt(headText.substring(9, 12)) : -1;
            return new Answer(status, headText, bodyText, false, since(start));
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "no answer and no close within the client's timeout; had: "
                            + head.toString(StandardCharsets.ISO_8859_1),
                    e);
        } catch (IOException reset) {
            return closed(head, start);
        }
    }

    private static Answer closed(ByteArrayOutputStream partial, long start) {
        return new Answer(-1, partial.toString(StandardCharsets.ISO_8859_1), "", true, since(start));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
