package dev.ecoscan.adapter.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.util.Locale;

/** Reads a request's JSON body within the size limit and the request's read time. */
final class JsonBodyReader {

    private final int maxBodyBytes;
    private final RequestReadDeadlines deadlines;

    JsonBodyReader(int maxBodyBytes, RequestReadDeadlines deadlines) {
        this.maxBodyBytes = maxBodyBytes;
        this.deadlines = deadlines;
    }

    /**
     * Reads at most the limit, so a huge body costs us nothing beyond it, and only within the
     * request's read time (a client past it has had its 408). Callers authenticate first and take
     * no scan slot before it returns, so a slow or unknown client holds neither. What is left of
     * a refused body is dropped once the refusal is sent.
     */
    byte[] read(ServerRequest req) {
        requireJson(req);
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            // Not closed: closing reads on, and after a malformed chunk it would wait for bytes
            // that never come. What is left is dropped after the answer, within the read time.
            bytes = req.content().inputStream().readNBytes(maxBodyBytes + 1);
        } catch (IOException | RuntimeException e) {
            // A closed socket, or a malformed chunk (Helidon throws a NumberFormatException).
            if (deadlines.ranOut()) {
                throw deadlines.tooSlow();
            }
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "the body could not be read");
        }
        if (bytes.length > maxBodyBytes) {
            throw tooLarge();
        }
        deadlines.finished();
        return bytes;
    }

    private static void requireJson(ServerRequest req) {
        if (!isJson(req)) {
            throw new ProblemException(
                    ProblemCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json, not '" + type(req) + "'");
        }
    }

    static boolean isJson(ServerRequest req) {
        String type = type(req);
        return type.equals("application/json") || type.startsWith("application/json;");
    }

    static String type(ServerRequest req) {
        return req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemCode.BODY_TOO_LARGE, "the body may have at most " + maxBodyBytes + " bytes");
    }
}
