package dev.ecoscan.adapter.redis;

import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The bytes of an uploaded photo, kept by reference: under a key of their own ({@code job:<id>:image},
 * raw bytes, with the retention's TTL) that the job's record names in its {@code imageKey} field, with
 * the type in {@code imageType}. So reading a job (every poll and event stream) never reads the photo,
 * and the worker reads it once, when it runs the job. The key goes when the job finishes (with the
 * done event, {@link EventAppender}) or is forgotten ({@link FinishedJobs}), and in any case when its
 * TTL runs out.
 */
final class UploadedImages {

    static final String KEY_FIELD = "imageKey";
    static final String TYPE_FIELD = "imageType";

    private final RedisJobs redis;
    private final long ttlSeconds;

    UploadedImages(RedisJobs redis, long ttlSeconds) {
        this.redis = redis;
        this.ttlSeconds = ttlSeconds;
    }

    /** Stores the bytes and puts the fields that name them into the record's {@code fields}. */
    void save(ScanId id, ImageReference.Inline image, Map<String, String> fields) {
        String key = redis.keys().image(id);
        redis.binaryCommands().set(bytes(key), image.bytes(), SetArgs.Builder.ex(ttlSeconds));
        fields.put(KEY_FIELD, key);
        fields.put(TYPE_FIELD, image.mediaType());
    }

    /** Whether the record names an uploaded image. */
    static boolean names(Map<String, String> fields) {
        return fields.containsKey(KEY_FIELD);
    }

    /** The image the record names, or empty when its key is gone (expired, or deleted with its job). */
    Optional<ImageReference.Inline> load(Map<String, String> fields) {
        byte[] bytes = redis.binaryCommands().get(bytes(fields.get(KEY_FIELD)));
        return bytes == null ? Optional.empty() : Optional.of(new ImageReference.Inline(bytes, fields.get(TYPE_FIELD)));
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
