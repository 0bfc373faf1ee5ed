package dev.ecoscan.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.application.jobs.JobRetention;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs' records and events in Redis, shared by the API side and the workers. Events are appended
 * by {@link EventAppender}, so a stage never goes back and the done event is written once, whoever
 * runs the job. Each job's events are a stream of their own, event n at entry {@code 0-n}, so a
 * client's Last-Event-ID is its offset and a reader can wait for the next event with {@code XREAD
 * BLOCK}. Finished jobs are kept for the retention's age (TTLs) and, oldest first, at most its count
 * ({@link FinishedJobs}).
 */
final class RedisJobStore {

    private final RedisJobs redis;
    private final OutcomeCodec codec;
    private final JobRetention retention;
    private final EventAppender appender;
    private final FinishedJobs finished;
    private final UploadedImages images;
    private final JobRecords records;
    private final ObjectMapper json = new ObjectMapper();

    RedisJobStore(RedisJobs redis, OutcomeCodec codec, JobRetention retention, Clock clock) {
        this.redis = redis;
        this.codec = codec;
        this.retention = retention;
        this.appender = new EventAppender(redis, retention, clock);
        this.finished = new FinishedJobs(redis, retention);
        this.images = new UploadedImages(redis, retention.age().toSeconds());
        this.records = new JobRecords(redis, images, retention);
    }

    RedisJobs redis() {
        return redis;
    }

    JobKeys keys() {
        return redis.keys();
    }

    RedisCommands<String, String> commands() {
        return redis.commands();
    }

    JobRetention retention() {
        return retention;
    }

    /**
     * Stores what a worker needs to run the scan, kept for the retention period, with the name of its
     * idempotency key, which goes when the job is forgotten ({@link JobRecords#save}).
     */
    void save(ScanRequest request, Instant submittedAt, Optional<String> idempotencyKey) {
        records.save(request, submittedAt, idempotencyKey);
    }

    void forget(ScanId id) {
        commands().del(keys().record(id), keys().events(id), keys().done(id), keys().image(id));
    }

    /** The job as a worker runs it ({@link JobRecords#load}). */
    Optional<StoredJob> load(ScanId id) {
        return records.load(id);
    }

    /** The answer to a job whose uploaded image is gone ({@link JobRecords#lostImage}). */
    Optional<ScanOutcome> lostImage(ScanId id) {
        return records.lostImage(id);
    }

    /** The job as its owner sees it, from its record alone: an uploaded image is never read for this. */
    Optional<Job> find(ScanId id) {
        Map<String, String> fields = fields(id);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Job(
                id,
                new UserId(fields.get("user")),
                Optional.ofNullable(fields.get("question")),
                Instant.parse(fields.get("submittedAt")),
                eventsAfter(id, 0)));
    }

    private Map<String, String> fields(ScanId id) {
        return records.fields(id);
    }

    List<JobEvent> eventsAfter(ScanId id, long lastSeen) {
        // Event n is entry 0-n, so the events after lastSeen start at entry 0-(lastSeen + 1).
        long first = Math.min(Math.max(0, lastSeen), Long.MAX_VALUE - 1) + 1;
        return events(
                id,
                commands()
                        .xrange(
                                keys().events(id),
                                Range.from(Range.Boundary.including("0-" + first), Range.Boundary.unbounded())));
    }

    /**
     * The events after {@code lastSeen}, waiting up to {@code block} for one with {@code XREAD BLOCK}
     * on {@code blocking}, a connection of the caller's own (a blocked command holds its connection).
     * Empty when nothing came, and also when the job was forgotten meanwhile (its tombstone woke us).
     */
    @SuppressWarnings("unchecked") // Lettuce's generic varargs; the one offset is safe.
    List<JobEvent> awaitAfter(RedisCommands<String, String> blocking, ScanId id, long lastSeen, Duration block) {
        List<StreamMessage<String, String>> read = blocking.xread(
                XReadArgs.Builder.block(block),
                XReadArgs.StreamOffset.from(keys().events(id), "0-" + Math.max(0, lastSeen)));
        return read == null ? List.of() : events(id, read);
    }

    private List<JobEvent> events(ScanId id, List<StreamMessage<String, String>> messages) {
        List<JobEvent> events = new ArrayList<>(messages.size());
        for (StreamMessage<String, String> message : messages) {
            String text = message.getBody().get(EventAppender.EVENT_FIELD);
            if (text != null) {
                // Anything else is the tombstone of a forgotten job.
                events.add(event(id, text));
            }
        }
        return events;
    }

    boolean isDone(ScanId id) {
        return commands().exists(keys().done(id)) > 0;
    }

    /** Moves the job to a later stage; ignored when it is there already, further on, or done. */
    void enter(ScanId id, JobStage stage) {
        appender.enter(id, stage);
    }

    /** Appends a piece of the answer's text while the job is in the answer stage (see {@link EventAppender}). */
    void answerText(AnswerDelta delta, boolean firstOfRun) {
        try {
            appender.answerText(delta.scanId(), json.writeValueAsString(delta.text()), delta.restart(), firstOfRun);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    /**
     * Appends the done event unless some run of the job already did; true when this call wrote it.
     * Room is made first, so whoever sees the done event finds no more than the retention's count kept;
     * the trim after it catches jobs that other workers finished at the same moment.
     */
    boolean finish(ScanId id, ScanOutcome outcome) {
        finished.trimQuietly(1);
        boolean wrote = appender.finish(id, codec.encode(outcome));
        if (wrote) {
            finished.trimQuietly(0);
        }
        return wrote;
    }

    private JobEvent event(ScanId id, String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node.has("text")) {
                return JobEvent.answerText(
                        node.path("id").asLong(),
                        new AnswerDelta(
                                id,
                                node.path("text").asText(),
                                node.path("restart").asBoolean()));
            }
            JobStage stage = JobStage.valueOf(node.path("stage").asText());
            Optional<ScanOutcome> outcome = node.has("outcome")
                    ? Optional.of(codec.decode(node.get("outcome").toString(), question(id)))
                    : Optional.empty();
            return new JobEvent(node.path("id").asLong(), stage, outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored job event is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The question of a job, from its record: the stored outcome leaves it out (the record has it), so
     * the stored format is the same as before outcomes carried their question.
     */
    private Optional<String> question(ScanId id) {
        return Optional.ofNullable(commands().hget(keys().record(id), "question"));
    }

    /** A job's record as stored: the request to run and when it was accepted. */
    record StoredJob(ScanRequest request, Instant submittedAt) {}
}
