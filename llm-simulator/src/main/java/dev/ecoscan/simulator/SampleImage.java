package dev.ecoscan.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image of a vision request as the simulator "sees" it: eco-scan's sample images carry their item
 * id and situation tags in PNG text chunks, and any other image is known only by a hash of its bytes.
 */
final class SampleImage {

    /** The chunk keyword holding the item id, e.g. {@code recyclable.paper-pack.milk-carton}. */
    static final String ITEM_KEY = "eco-scan:item";
    /** The chunk keyword holding comma-separated situation tag ids. */
    static final String TAGS_KEY = "eco-scan:tags";

    private final byte[] bytes;
    private final Map<String, String> texts;

    private SampleImage(byte[] bytes) {
        this.bytes = bytes;
        this.texts = PngTextReader.read(bytes);
    }

    /** The image of a data URL; any other URL stands for itself, as the simulator fetches nothing. */
    static SampleImage of(String url) {
        int comma = url.indexOf(',');
        if (url.startsWith("data:") && comma > 0 && url.substring(0, comma).endsWith(";base64")) {
            try {
                return new SampleImage(Base64.getMimeDecoder().decode(url.substring(comma + 1)));
            } catch (IllegalArgumentException e) {
                return new SampleImage(url.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new SampleImage(url.getBytes(StandardCharsets.UTF_8));
    }

    /** The item id a sample image carries. */
    Optional<String> itemId() {
        String id = texts.getOrDefault(ITEM_KEY, "").strip();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** The situation tag ids a sample image carries, in order. */
    List<String> tagIds() {
        return Arrays.stream(texts.getOrDefault(TAGS_KEY, "").split(","))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .toList();
    }

    /** Stable across runs and JVMs, unlike {@code Arrays.hashCode}'s spread over similar images. */
    long stableHash() {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
