package dev.ecoscan.adapter.redis;

import dev.ecoscan.adapter.redis.RedisJobStore.StoredJob;
import dev.ecoscan.application.jobs.JobRetention;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.Rejection;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.TraceParent;
import dev.ecoscan.domain.scan.UserId;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's record, the hash {@code job:<id>}: what a worker needs to run the scan. An uploaded image is
 * kept by reference ({@link UploadedImages}), never in the hash.
 */
final class JobRecords {

    private final RedisJobs redis;
    private final UploadedImages images;
    private final JobRetention retention;

    JobRecords(RedisJobs redis, UploadedImages images, JobRetention retention) {
        this.redis = redis;
        this.images = images;
        this.retention = retention;
    }

    /**
     * Stores what a worker needs to run the scan, kept for the retention period, with the name of its
     * idempotency key, which goes when the job is forgotten.
     */
    void save(ScanRequest request, Instant submittedAt, Optional<String> idempotencyKey) {
        Map<String, String> fields = new HashMap<>();
        idempotencyKey.ifPresent(key -> fields.put("idem", key));
        fields.put("id", request.id().toString());
        fields.put("user", request.user().value());
        request.question().ifPresent(question -> fields.put("question", question));
        // The submitter's trace, so the worker's scan continues it.
        request.trace().ifPresent(trace -> fields.put("traceparent", trace.value()));
        fields.put("deadline", request.deadline().toString());
        fields.put("submittedAt", submittedAt.toString());
        switch (request.image()) {
            case ImageReference.Url url -> fields.put("imageUrl", url.uri().toString());
            case ImageReference.File file -> fields.put("imageFile", file.path().toString());
            // By reference: the bytes under a key of their own, which goes first, so a record never names none.
            case ImageReference.Inline inline -> images.save(request.id(), inline, fields);
        }
        String key = redis.keys().record(request.id());
        RedisCommands<String, String> commands = redis.commands();
        commands.hset(key, fields);
        commands.expire(key, retention.age().toSeconds());
    }

    /**
     * The job as a worker runs it, its uploaded image read back. Empty when the record is gone, and
     * also when the image it names is gone ({@link #lostImage} tells which).
     */
    Optional<StoredJob> load(ScanId id) {
        Map<String, String> fields = fields(id);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Optional<ImageReference> image;
        if (fields.containsKey("imageUrl")) {
            image = Optional.of(new ImageReference.Url(URI.create(fields.get("imageUrl"))));
        } else if (fields.containsKey("imageFile")) {
            image = Optional.of(new ImageReference.File(Path.of(fields.get("imageFile"))));
        } else if (fields.containsKey("imageBytes")) {
            // A record written before uploads were kept by reference, within its retention.
            image = Optional.of(new ImageReference.Inline(
                    Base64.getDecoder().decode(fields.get("imageBytes")), fields.get("imageType")));
        } else {
            image = images.load(fields).map(ImageReference.class::cast);
        }
        return image.map(reference -> new StoredJob(
                new ScanRequest(
                        id,
                        reference,
                        Optional.ofNullable(fields.get("question")),
                        new UserId(fields.get("user")),
                        Instant.parse(fields.get("deadline")),
                        TraceParent.parse(fields.get("traceparent"))),
                Instant.parse(fields.get("submittedAt"))));
    }

    /**
     * For a job whose record names an uploaded image that is gone (its TTL ran out before a worker got to
     * it, or it was deleted), the outcome that answers it: the photo cannot be read. Empty otherwise.
     */
    Optional<ScanOutcome> lostImage(ScanId id) {
        Map<String, String> fields = fields(id);
        if (!UploadedImages.names(fields) || images.load(fields).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ScanOutcome.Rejected(
                id,
                Optional.ofNullable(fields.get("question")),
                Rejection.UNREADABLE_IMAGE,
                "the uploaded image is no longer kept (it is kept for "
                        + retention.age().toMinutes() + " min at most); upload it again",
                Optional.empty(),
                List.of()));
    }

    Map<String, String> fields(ScanId id) {
        Map<String, String> fields = redis.commands().hgetall(redis.keys().record(id));
        return fields == null ? Map.of() : fields;
    }
}
