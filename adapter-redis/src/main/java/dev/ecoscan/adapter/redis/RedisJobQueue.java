package dev.ecoscan.adapter.redis;

import dev.ecoscan.application.jobs.JobRetention;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.rule.Guide;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanRequest;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job queue on Redis, API side: a submission is stored and appended to a stream that workers
 * ({@link RedisJobWorker}) consume; any process with this queue can follow and answer any job.
 * Finished jobs and their idempotency keys are kept as the {@link JobRetention} says (an age and a
 * count). While Redis is unreachable, submissions are refused, which the service answers with 503.
 * Waiting for a job's events is a blocking read on its events stream, on a small pool of connections
 * of their own, not a poll.
 */
public final class RedisJobQueue implements JobQueue {

    private static final Logger LOG = LoggerFactory.getLogger("eco-scan.jobs");

    /** How long results and idempotency keys are kept, as the embedded queue does. */
    public static final Duration DEFAULT_RETENTION = JobRetention.DEFAULT_AGE;
    /** Blocking reads at once when not told: enough for a test or a small service. */
    public static final int DEFAULT_BLOCKING_READS = 64;
    /**
     * The longest single {@code XREAD BLOCK}. Between two, the job's record is checked: a job whose
     * TTL ran out wakes no reader, and its stream must still end within about a second.
     */
    private static final Duration LONGEST_BLOCK = Duration.ofSeconds(1);

    private final RedisJobStore store;
    private final BlockingReads reads;
    private final Duration longestBlock;
    private final long maxQueued;
    private final Clock clock;

    /** The default retention, and the system clock. */
    public RedisJobQueue(RedisJobs redis, Guide guide, CharacterCatalogue characters, long maxQueued) {
        this(redis, guide, characters, maxQueued, JobRetention.defaults(), DEFAULT_BLOCKING_READS, Clock.systemUTC());
    }

    /** Finished jobs kept for {@code retention} and at most {@link JobRetention#DEFAULT_COUNT} of them. */
    public RedisJobQueue(
            RedisJobs redis,
            Guide guide,
            CharacterCatalogue characters,
            long maxQueued,
            Duration retention,
            Clock clock) {
        this(redis, guide, characters, maxQueued, JobRetention.ofAge(retention), DEFAULT_BLOCKING_READS, clock);
    }

    /**
     * @param maxQueued        how many jobs may wait or run at once (the stream's length); one more is refused
     * @param retention        how long and how many finished jobs, their events and idempotency keys are kept
     * @param maxBlockingReads how many callers may wait for events at once, each on a connection of its
     *                         own: the service's bound on event streams
     */
    public RedisJobQueue(
            RedisJobs redis,
            Guide guide,
            CharacterCatalogue characters,
            long maxQueued,
            JobRetention retention,
            int maxBlockingReads,
            Clock clock) {
        Objects.requireNonNull(redis, "redis");
        if (maxQueued < 1) {
            throw new IllegalArgumentException("the job queue needs room for at least one job");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new RedisJobStore(
                redis, new OutcomeCodec(guide, characters), Objects.requireNonNull(retention, "retention"), clock);
        this.reads = new BlockingReads(redis, maxBlockingReads);
        // Well within the command timeout, or Lettuce would give up on a read that is only waiting.
        Duration half = redis.commandTimeout().dividedBy(2);
        this.longestBlock = half.compareTo(LONGEST_BLOCK) < 0 ? half : LONGEST_BLOCK;
        this.maxQueued = maxQueued;
    }

    @Override
    public Submission submit(ScanRequest request, Optional<String> idempotencyKey) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        try {
            return enqueue(request, idempotencyKey);
        } catch (RedisException e) {
            // Redis's own words go to the log; the client is told only what it can act on.
            LOG.warn("a job could not be queued on Redis: {}", e.getMessage());
            return new Submission.Refused("the job queue is unavailable; try again shortly");
        }
    }

    private Submission enqueue(ScanRequest request, Optional<String> idempotencyKey) {
        RedisCommands<String, String> commands = store.commands();
        JobKeys keys = store.keys();
        Optional<String> key = idempotencyKey.map(k -> keys.idempotency(request.user(), k));
        // A repeated submission gets its job back even when the queue is full, as in the embedded queue.
        Optional<Job> earlier = key.map(commands::get).flatMap(this::findByText);
        if (earlier.isPresent()) {
            return new Submission.Accepted(earlier.get(), true);
        }
        Long queued = commands.xlen(keys.stream());
        if (queued != null && queued >= maxQueued) {
            return new Submission.Refused("the job queue holds its limit of " + maxQueued + " unfinished scans");
        }
        Instant submittedAt = clock.instant();
        // The record goes first, so whoever finds the idempotency key below also finds its job.
        store.save(request, submittedAt, key);
        if (key.isPresent()) {
            String jobId = request.id().toString();
            long seconds = store.retention().age().toSeconds();
            if (commands.set(key.get(), jobId, SetArgs.Builder.nx().ex(seconds)) == null) {
                // Another submission with the same key got there between our GET and this SET.
                earlier = Optional.ofNullable(commands.get(key.get())).flatMap(this::findByText);
                if (earlier.isPresent()) {
                    store.forget(request.id());
                    return new Submission.Accepted(earlier.get(), true);
                }
                // The earlier job is gone (expired, or its submission failed): this one takes the key.
                commands.set(key.get(), jobId, SetArgs.Builder.ex(seconds));
            }
        }
        try {
            commands.xadd(keys.stream(), Map.of(JobKeys.JOB_FIELD, request.id().toString()));
        } catch (RedisException e) {
            // Best effort: a retry with the same key must not find a job that never ran.
            forgetQuietly(request, key);
            throw e;
        }
        return new Submission.Accepted(
                new Job(request.id(), request.user(), request.question(), submittedAt, List.of()), false);
    }

    private void forgetQuietly(ScanRequest request, Optional<String> idempotencyKey) {
        try {
            idempotencyKey.ifPresent(store.commands()::del);
            store.forget(request.id());
        } catch (RedisException ignored) {
            // Redis is away; the record expires with its retention anyway.
        }
    }

    private Optional<Job> findByText(String id) {
        try {
            return store.find(new ScanId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @throws RedisException when Redis is unreachable */
    @Override
    public Optional<Job> find(ScanId id) {
        return store.find(id);
    }

    /**
     * Blocks on the job's events stream ({@code XREAD BLOCK}, at most a second at a time) until an
     * event arrives or {@code wait} has passed; after each block that brought nothing, one
     * {@code EXISTS} on the job's record ends the wait once the job is gone (a TTL that runs out wakes
     * no reader). A job forgotten by the retention's count wakes the read at once.
     */
    @Override
    public List<JobEvent> awaitEvents(ScanId id, long lastSeen, Duration wait) throws InterruptedException {
        if (!exists(id)) {
            return List.of();
        }
        if (wait.isNegative() || wait.isZero()) {
            return store.eventsAfter(id, lastSeen);
        }
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            Duration block = Duration.ofMillis(Math.max(1, Math.min(left, longestBlock.toNanos()) / 1_000_000));
            List<JobEvent> fresh = reads.read(block, commands -> store.awaitAfter(commands, id, lastSeen, block))
                    .orElse(List.of());
            if (!fresh.isEmpty()) {
                return fresh;
            }
            if (!exists(id)) {
                return List.of();
            }
        }
    }

    private boolean exists(ScanId id) {
        return store.commands().exists(store.keys().record(id)).equals(1L);
    }

    /** Jobs waiting or running now (the stream's length): a gauge. */
    public long queueDepth() {
        Long length = store.commands().xlen(store.keys().stream());
        return length == null ? 0 : length;
    }

    RedisJobStore store() {
        return store;
    }
}
