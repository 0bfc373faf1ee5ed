package dev.ecoscan.adapter.images;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The image types the service accepts, told from their first bytes, since headers and callers can lie. */
final class ImageTypes {

    static final Set<String> ACCEPTED = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    static final String ACCEPTED_TEXT = "a PNG, JPEG, GIF or WebP image";

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");

    private ImageTypes() {}

    /** The media type the bytes start with, if it is one of the accepted ones. */
    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, GIF87) || startsWith(b, GIF89)) {
            return Optional.of("image/gif");
        }
        if (b.length >= 12 && startsWith(b, RIFF) && Arrays.equals(b, 8, 12, WEBP, 0, 4)) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /** A Content-Type without its parameters, in lower case: {@code "Image/PNG; x=y"} is {@code image/png}. */
    static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** A type someone else sent, short enough to quote in a reason. */
    static String quoted(String mediaType) {
        String shown = mediaType.isBlank() ? "an empty Content-Type" : mediaType;
        return shown.length() <= 60 ? shown : shown.substring(0, 60) + "…";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
