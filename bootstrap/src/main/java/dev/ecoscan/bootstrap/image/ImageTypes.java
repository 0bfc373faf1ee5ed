package dev.ecoscan.bootstrap.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Tells an image's media type from its first bytes; file names and headers can lie. */
final class ImageTypes {

    private ImageTypes() {}

    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(b, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("image/gif");
        }
        if (b.length >= 12
                && startsWith(b, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && Arrays.equals(b, 8, 12, "WEBP".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
