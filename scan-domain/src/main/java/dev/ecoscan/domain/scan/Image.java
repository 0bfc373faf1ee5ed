package dev.ecoscan.domain.scan;

import dev.ecoscan.domain.taxonomy.Texts;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Image bytes with their media type. Immutable: the constructor copies the bytes and {@link #bytes()}
 * hands out a copy. An image can be up to 10 MB, so a source that has just read the bytes hands them
 * over with {@link #wrap} and readers that only look use {@link #view()}: the image is held once.
 */
public final class Image {

    private final byte[] bytes;
    private final String mediaType;

    /**
     * An image of a copy of {@code bytes}.
     *
     * @param bytes     the encoded image, copied
     * @param mediaType its type, e.g. {@code image/png}
     */
    public Image(byte[] bytes, String mediaType) {
        this(mediaType, nonEmpty(bytes).clone());
    }

    private Image(String mediaType, byte[] owned) {
        this.bytes = nonEmpty(owned);
        this.mediaType = Texts.requireText(mediaType, "media type");
    }

    /**
     * An image that takes {@code bytes} over instead of copying them, like {@link ByteBuffer#wrap}:
     * for a source that has just read them and keeps no other reference to the array.
     *
     * @param bytes     the encoded image, not copied
     * @param mediaType its type
     * @return the image
     */
    public static Image wrap(byte[] bytes, String mediaType) {
        return new Image(mediaType, bytes);
    }

    /**
     * A copy of the bytes.
     *
     * @return the encoded image, copied
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The bytes without a copy, read-only, positioned at the start.
     *
     * @return a read-only view of the bytes
     */
    public ByteBuffer view() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /**
     * The image's type.
     *
     * @return its media type, e.g. {@code image/png}
     */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The image's length.
     *
     * @return its size in bytes
     */
    public int size() {
        return bytes.length;
    }

    /**
     * SHA-256 of the bytes in hex: the key caches use, since the same photo gives the same answer.
     *
     * @return 64 hex digits
     */
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

    private static byte[] nonEmpty(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an image cannot be empty");
        }
        return bytes;
    }
}
