package dev.ecoscan.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs' records and events in Redis, shared by the API side and the workers. Events are appended
 * by one Lua script, so a stage never goes back and the done event is written once, whoever runs the job.
 */
final class RedisJobStore {

    /**
     * KEYS: record, events, done marker. ARGV: stage name, stage rank, outcome JSON ('' for a stage),
     * retention in seconds. Returns the new event's id, or 0 when nothing was appended. The done event
     * restarts the record's retention, so a finished job is kept for the retention after it finished.
     */
    private static final String APPEND_EVENT = """
            if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
            local count = redis.call('LLEN', KEYS[2])
            local rank = tonumber(ARGV[2])
            if ARGV[3] == '' then
              if count > 0 and cjson.decode(redis.call('LINDEX', KEYS[2], -1)).rank >= rank then return 0 end
            else
              redis.call('SET', KEYS[3], '1', 'EX', ARGV[4])
              redis.call('EXPIRE', KEYS[1], ARGV[4])
            end
            local event = '{"id":' .. (count + 1) .. ',"stage":"' .. ARGV[1] .. '","rank":' .. rank
            if ARGV[3] ~= '' then event = event .. ',"outcome":' .. ARGV[3] end
            redis.call('RPUSH', KEYS[2], event .. '}')
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            return count + 1
            """;

    private final RedisJobs redis;
    private final OutcomeCodec codec;
    private final Duration retention;
    private final ObjectMapper json = new ObjectMapper();

    RedisJobStore(RedisJobs redis, OutcomeCodec codec, Duration retention) {
        this.redis = redis;
        this.codec = codec;
        this.retention = retention;
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

    Duration retention() {
        return retention;
    }

    /** Stores what a worker needs to run the scan, kept for the retention period. */
    void save(ScanRequest request, Instant submittedAt) {
        Map<String, String> fields = new HashMap<>();
        fields.put("id", request.id().toString());
        fields.put("user", request.user().value());
        request.question().ifPresent(question -> fields.put("question", question));
        fields.put("deadline", request.deadline().toString());
        fields.put("submittedAt", submittedAt.toString());
        switch (request.image()) {
            case ImageReference.Url url -> fields.put("imageUrl", url.uri().toString());
            case ImageReference.File file -> fields.put("imageFile", file.path().toString());
            case ImageReference.Inline inline -> {
                fields.put("imageBytes", Base64.getEncoder().encodeToString(inline.bytes()));
                fields.put("imageType", inline.mediaType());
            }
        }
        String key = keys().record(request.id());
        RedisCommands<String, String> commands = commands();
        commands.hset(key, fields);
        commands.expire(key, retention.toSeconds());
    }

    void forget(ScanId id) {
        commands().del(keys().record(id), keys().events(id), keys().done(id));
    }

    Optional<StoredJob> load(ScanId id) {
        Map<String, String> fields = commands().hgetall(keys().record(id));
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        ImageReference image;
        if (fields.containsKey("imageUrl")) {
            image = new ImageReference.Url(URI.create(fields.get("imageUrl")));
        } else if (fields.containsKey("imageFile")) {
            image = new ImageReference.File(Path.of(fields.get("imageFile")));
        } else {
            image = new ImageReference.Inline(Base64.getDecoder().decode(fields.get("imageBytes")),
                    fields.get("imageType"));
        }
        ScanRequest request = new ScanRequest(id, image, Optional.ofNullable(fields.get("question")),
                new UserId(fields.get("user")), Instant.parse(fields.get("deadline")));
        return Optional.of(new StoredJob(request, Instant.parse(fields.get("submittedAt"))));
    }

    Optional<Job> find(ScanId id) {
        return load(id).map(stored -> new Job(id, stored.request().user(), stored.request().question(),
                stored.submittedAt(), eventsAfter(id, 0)));
    }

    List<JobEvent> eventsAfter(ScanId id, long lastSeen) {
        // Event n sits at index n - 1, so the events after lastSeen start at index lastSeen.
        List<String> stored = commands().lrange(keys().events(id), Math.max(0, lastSeen), -1);
        List<JobEvent> events = new ArrayList<>(stored.size());
        for (String text : stored) {
            events.add(event(text));
        }
        return events;
    }

    boolean isDone(ScanId id) {
        return commands().exists(keys().done(id)) > 0;
    }

    /** Moves the job to a later stage; ignored when it is there already, further on, or done. */
    void enter(ScanId id, JobStage stage) {
        if (stage != JobStage.DONE) {
            append(id, stage, "");
        }
    }

    /** Appends the done event unless some run of the job already did; true when this call wrote it. */
    boolean finish(ScanId id, ScanOutcome outcome) {
        return append(id, JobStage.DONE, codec.encode(outcome)) > 0;
    }

    private long append(ScanId id, JobStage stage, String outcome) {
        JobKeys keys = keys();
        Long appended = commands().eval(APPEND_EVENT, ScriptOutputType.INTEGER,
                new String[] {keys.record(id), keys.events(id), keys.done(id)},
                stage.name(), Integer.toString(stage.ordinal()), outcome, Long.toString(retention.toSeconds()));
        return appended == null ? 0 : appended;
    }

    private JobEvent event(String text) {
        try {
            JsonNode node = json.readTree(text);
            JobStage stage = JobStage.valueOf(node.path("stage").asText());
            Optional<ScanOutcome> outcome = node.has("outcome")
                    ? Optional.of(codec.decode(node.get("outcome").toString())) : Optional.empty();
            return new JobEvent(node.path("id").asLong(), stage, outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored job event is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A job's record as stored: the request to run and when it was accepted. */
    record StoredJob(ScanRequest request, Instant submittedAt) {
    }
}
