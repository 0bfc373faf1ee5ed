package dev.ecoscan.adapter.http;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.scan.ImageReference;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a scan's {@code multipart/form-data} body: one file field {@code image} and an optional text
 * field {@code question}, nothing else. The body is read whole under its own cap (the image's limit and
 * {@link ImageUploads#PART_ALLOWANCE}) and within the request's read time, and every byte of it is held
 * in the image budget as it arrives: a declared length at once, a chunked body as its buffer grows. A
 * budget that cannot take it answers 503 {@code overloaded} before more is read. Once parsed, the hold
 * shrinks to the image alone, which the returned {@link UploadedImage} keeps until its taker closes it.
 */
final class MultipartBodyReader {

    private static final int FIRST_CHUNK = 64 * 1024;

    private final ImageUploads uploads;
    private final RequestReadDeadlines deadlines;

    MultipartBodyReader(ImageUploads uploads, RequestReadDeadlines deadlines) {
        this.uploads = uploads;
        this.deadlines = deadlines;
    }

    /** Whether the request says it is a form upload (anything else is left to the JSON reader). */
    static boolean isMultipart(ServerRequest req) {
        return contentType(req).value().equals("multipart/form-data");
    }

    UploadedImage read(ServerRequest req) {
        String boundary = boundary(req);
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > uploads.maxBodyBytes()) {
            throw tooLarge();
        }
        // A chunked body is held as its buffer grows, from the first chunk's room.
        ImageHold hold = hold(declared >= 0 ? declared : FIRST_CHUNK);
        try {
            byte[] body = readBody(req, declared, hold);
            List<MultipartForm.Part> parts = MultipartForm.parse(body, body.length, boundary);
            parts.stream()
                    .filter(part -> !part.name().equals("image") && !part.name().equals("question"))
                    .findFirst()
                    .ifPresent(part -> {
                        throw new ProblemException(
                                ProblemCode.INVALID_MULTIPART,
                                "unknown form field '" + shown(part.name()) + "': send only 'image' and 'question'");
                    });
            MultipartForm.Part image = only(parts, "image")
                    .orElseThrow(() -> new ProblemException(
                            ProblemCode.IMAGE_MISSING, "send the photo in the file field 'image'"));
            Optional<String> question = only(parts, "question").map(part -> text(body, part));
            ImageReference.Inline inline = inline(body, image);
            // What the request keeps from here on is the image alone; the body is garbage.
            hold.resizeTo(inline.size());
            return new UploadedImage(inline, question, hold);
        } catch (RuntimeException e) {
            hold.close();
            throw e;
        }
    }

    private ImageReference.Inline inline(byte[] body, MultipartForm.Part image) {
        if (image.filename().isEmpty() && image.contentType().isEmpty()) {
            throw new ProblemException(ProblemCode.IMAGE_MISSING, "'image' must be a file, not a text field");
        }
        if (image.size() == 0) {
            throw new ProblemException(ProblemCode.IMAGE_MISSING, "the uploaded image is empty");
        }
        if (image.size() > uploads.maxImageBytes()) {
            throw new ProblemException(
                    ProblemCode.IMAGE_TOO_LARGE,
                    "the image may have at most " + ImageBudget.sizeText(uploads.maxImageBytes()));
        }
        byte[] bytes = Arrays.copyOfRange(body, image.from(), image.to());
        // The declared type is the client's word; the first bytes decide.
        String type = uploads.imageType()
                .apply(bytes)
                .orElseThrow(() -> new ProblemException(
                        ProblemCode.UNSUPPORTED_IMAGE_TYPE, "the uploaded file is not " + uploads.acceptedTypes()));
        return new ImageReference.Inline(bytes, type);
    }

    private byte[] readBody(ServerRequest req, long declared, ImageHold hold) {
        int cap = uploads.maxBodyBytes();
        byte[] buffer = new byte[declared >= 0 ? (int) declared : FIRST_CHUNK];
        int length = 0;
        try {
            // Not closed: as for JSON bodies, what is left of a refused body is dropped after the answer.
            InputStream in = req.content().inputStream();
            while (true) {
                if (length == buffer.length) {
                    if (length > cap || declared >= 0) {
                        // A declared body was read in full; one more byte ends it or is over the cap.
                        if (declared >= 0 && in.read() < 0) {
                            break;
                        }
                        throw tooLarge();
                    }
                    int grown = Math.min(cap + 1, buffer.length * 2);
                    if (!hold.resizeTo(grown)) {
                        throw overloaded();
                    }
                    buffer = Arrays.copyOf(buffer, grown);
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            if (deadlines.ranOut()) {
                throw deadlines.tooSlow();
            }
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "the body could not be read");
        }
        if (length > cap) {
            throw tooLarge();
        }
        deadlines.finished();
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    private ImageHold hold(long bytes) {
        if (uploads.budget().isEmpty()) {
            return ImageHold.NONE;
        }
        ImageBudget budget = uploads.budget().get();
        if (!budget.fits(bytes)) {
            throw new ProblemException(
                    ProblemCode.IMAGE_TOO_LARGE,
                    "the image is larger than this service's image memory (" + budget.capacityText() + ")");
        }
        return budget.tryHold(bytes).orElseThrow(MultipartBodyReader::overloaded);
    }

    private static ProblemException overloaded() {
        return new ProblemException(Problem.of(
                        ProblemCode.OVERLOADED,
                        "eco-scan holds as many image bytes as its memory allows; try again shortly")
                .retryAfter(1));
    }

    private ProblemException tooLarge() {
        return new ProblemException(
                ProblemCode.BODY_TOO_LARGE,
                "a multipart body may have at most " + uploads.maxBodyBytes() + " bytes (an image of at most "
                        + ImageBudget.sizeText(uploads.maxImageBytes()) + ")");
    }

    private static Optional<MultipartForm.Part> only(List<MultipartForm.Part> parts, String name) {
        List<MultipartForm.Part> named =
                parts.stream().filter(part -> part.name().equals(name)).toList();
        if (named.size() > 1) {
            throw new ProblemException(ProblemCode.INVALID_MULTIPART, "the form field '" + name + "' may be sent once");
        }
        return named.stream().findFirst();
    }

    private static String text(byte[] body, MultipartForm.Part part) {
        if (part.filename().isPresent()) {
            throw new ProblemException(ProblemCode.INVALID_MULTIPART, "'question' must be a text field, not a file");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(body, part.from(), part.size()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "question is not valid UTF-8");
        }
    }

    private static String boundary(ServerRequest req) {
        String boundary = contentType(req).parameter("boundary").orElse("");
        // RFC 2046: 1-70 characters, none of them a control character or a quote.
        if (boundary.isEmpty()
                || boundary.length() > 70
                || boundary.chars().anyMatch(c -> c < 0x20 || c > 0x7e || c == '"')) {
            throw new ProblemException(
                    ProblemCode.INVALID_MULTIPART, "multipart/form-data needs a boundary of 1-70 visible characters");
        }
        return boundary;
    }

    private static HeaderParameters contentType(ServerRequest req) {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        return HeaderParameters.parse(type).orElseGet(() -> new HeaderParameters(type.strip(), java.util.Map.of()));
    }

    /** A field name someone else chose, short and printable enough to quote. */
    private static String shown(String name) {
        String printable = name.codePoints()
                .filter(c -> c >= 0x20 && c != 0x7f && !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
