package dev.ecoscan.domain.port;

import dev.ecoscan.domain.taxonomy.Texts;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** Image bytes with their media type. */
public record Image(byte[] bytes, String mediaType) {

    public Image {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an image cannot be empty");
        }
        bytes = bytes.clone();
        mediaType = Texts.requireText(mediaType, "media type");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** SHA-256 of the bytes in hex: the key caches use, since the same photo gives the same answer. */
    public String contentHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image that && mediaType.equals(that.mediaType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Image[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
