package dev.ecoscan.testservers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 exchange on a plain loopback socket, with the request written byte for byte as the
 * caller framed it: for requests no HTTP client would send (an h2c upgrade, a broken framing).
 */
final class RawHttpExchange {

    private RawHttpExchange() {}

    /**
     * Writes {@code rawRequest} to {@code 127.0.0.1:port} and returns what comes back: status line,
     * headers, a blank line and the body (a chunked body de-chunked). Reads until Content-Length is
     * satisfied, the last chunk has arrived or the server closes, each read bounded by {@code timeout}.
     */
    static String exchange(int port, byte[] rawRequest, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(rawRequest);
            out.flush();
            return readResponse(socket.getInputStream(), timeout);
        }
    }

    private static String readResponse(InputStream in, Duration timeout) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headerEnd = -1;
        try {
            while (headerEnd < 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    return received.toString(StandardCharsets.ISO_8859_1);
                }
                received.write(buffer, 0, n);
                headerEnd = indexOf(received.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            byte[] all = received.toByteArray();
            String head = new String(all, 0, headerEnd, StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(all, headerEnd + 4, all.length - headerEnd - 4);
            Optional<Long> length = header(head, "content-length").map(Long::parseLong);
            boolean chunked = header(head, "transfer-encoding")
                    .filter(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
                    .isPresent();
            while (length.isPresent() ? body.size() < length.get() : !(chunked && lastChunkIn(body.toByteArray()))) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
            }
            byte[] bytes = body.toByteArray();
            if (chunked) {
                bytes = dechunk(bytes);
            }
            return head + "\r\n\r\n" + new String(bytes, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no complete response within " + timeout + "; received so far:\n"
                    + received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static Optional<String> header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static boolean lastChunkIn(byte[] body) {
        byte[] last = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        return body.length >= last.length
                && indexOf(body, last, body.length - last.length) == body.length - last.length
                && (body.length == last.length || body[body.length - last.length - 1] == '\n');
    }

    /** Undoes chunked transfer coding; read until the server closed, so the last chunk may be missing. */
    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
