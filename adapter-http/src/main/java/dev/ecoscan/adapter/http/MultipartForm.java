package dev.ecoscan.adapter.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a {@code multipart/form-data} body (RFC 7578) held in memory, as browsers and curl
 * write them. Strict: anything that is not delimiter, CRLF, headers, blank line, content, CRLF,
 * delimiter … closing delimiter is malformed. A part is a range of the body, so nothing is copied.
 *
 * <p>Hand-written rather than Helidon's multipart media support, which is not in this build's
 * repository and would add a second set of limits to keep in step with ours; the body is read under
 * our own cap first, so this parser only ever sees a bounded array.
 */
final class MultipartForm {

    /** The most header bytes a part may have: a long file name fits, a flood does not. */
    static final int MAX_PART_HEADERS = 8 * 1024;

    static final int MAX_PARTS = 8;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] BLANK_LINE = {'\r', '\n', '\r', '\n'};

    /**
     * One part.
     *
     * @param name        its form field name
     * @param filename    its file name, when it is a file
     * @param contentType its declared type, empty when it declared none
     * @param from        where its content starts in the body
     * @param to          where its content ends (exclusive)
     */
    record Part(String name, Optional<String> filename, String contentType, int from, int to) {
        int size() {
            return to - from;
        }
    }

    private MultipartForm() {}

    /**
     * The parts of {@code body[0, length)} between the delimiters of {@code boundary}.
     *
     * @throws ProblemException {@code invalid_multipart} when the body is not such a form
     */
    static List<Part> parse(byte[] body, int length, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        // A preamble before the first delimiter is allowed by RFC 2046 and ignored.
        int at = 0;
        if (!startsWith(body, 0, length, delimiter)) {
            int found = indexOf(body, 0, length, nextDelimiter);
            if (found < 0) {
                throw malformed("it has no part delimited by its boundary");
            }
            at = found + 2;
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int after = at + delimiter.length;
            if (startsWith(body, after, length, new byte[] {'-', '-'})) {
                // The closing delimiter: what follows is an epilogue, ignored.
                return parts;
            }
            if (!startsWith(body, after, length, CRLF)) {
                throw malformed("a delimiter is not followed by a line break");
            }
            if (parts.size() == MAX_PARTS) {
                throw malformed("it has more than " + MAX_PARTS + " parts");
            }
            int headersStart = after + 2;
            int headersEnd = indexOf(body, headersStart, Math.min(length, headersStart + MAX_PART_HEADERS), BLANK_LINE);
            if (headersEnd < 0) {
                throw malformed("a part's headers do not end within " + MAX_PART_HEADERS + " bytes");
            }
            int contentStart = headersEnd + BLANK_LINE.length;
            int contentEnd = indexOf(body, contentStart, length, nextDelimiter);
            if (contentEnd < 0) {
                throw malformed("a part is not closed by a delimiter");
            }
            parts.add(part(
                    new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
                    contentStart,
                    contentEnd));
            at = contentEnd + 2;
        }
    }

    private static Part part(String headers, int from, int to) {
        Optional<HeaderParameters> disposition = Optional.empty();
        String contentType = "";
        for (String line : headers.split("\r\n", -1)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("a part has a header line without a name");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-disposition")) {
                if (disposition.isPresent()) {
                    throw malformed("a part has two Content-Disposition headers");
                }
                disposition = HeaderParameters.parse(value);
                if (disposition.isEmpty()) {
                    throw malformed("a part's Content-Disposition is malformed");
                }
            } else if (name.equals("content-type")) {
                contentType = value;
            }
        }
        HeaderParameters form = disposition
                .filter(d -> d.value().equals("form-data"))
                .orElseThrow(() -> malformed("a part has no Content-Disposition: form-data"));
        String field = form.parameter("name")
                .filter(n -> !n.isEmpty())
                .orElseThrow(() -> malformed("a part has no field name"));
        return new Part(field, form.parameter("filename"), contentType, from, to);
    }

    private static ProblemException malformed(String why) {
        return new ProblemException(ProblemCode.INVALID_MULTIPART, "the multipart/form-data body is malformed: " + why);
    }

    private static boolean startsWith(byte[] body, int at, int length, byte[] prefix) {
        if (at < 0 || at + prefix.length > length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code needle} first starts in {@code body[from, to)}, or -1. */
    private static int indexOf(byte[] body, int from, int to, byte[] needle) {
        byte first = needle[0];
        for (int i = from; i + needle.length <= to; i++) {
            if (body[i] == first && startsWith(body, i, to, needle)) {
                return i;
            }
        }
        return -1;
    }
}
