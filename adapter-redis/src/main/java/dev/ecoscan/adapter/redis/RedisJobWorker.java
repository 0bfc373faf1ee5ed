package dev.ecoscan.adapter.redis;

import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.port.JobRecorder;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepStatus;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessages;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs queued jobs from the Redis stream, as one consumer of the group {@code workers}. A job is
 * acknowledged only after its done event is stored, so a worker that dies leaves its job pending, and
 * another worker takes it over ({@code XAUTOCLAIM}) once it has been idle for {@code reclaimAfter}.
 * Register {@link #progressRecorder()} as a step listener of the pipeline it runs.
 */
public final class RedisJobWorker implements AutoCloseable {

    static final String JOB_FIELD = "job";

    private final RedisJobStore store;
    private final ScanWaste scans;
    private final RedisWorkerSettings settings;
    private final Consumer<String> consumer;
    /** The jobs this worker runs now, by scan id, with the stream entry that carries each. */
    private final Map<ScanId, String> running = new ConcurrentHashMap<>();

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /** Threads running reclaimed jobs, to interrupt on close. */
    private final Set<Thread> reclaimers = ConcurrentHashMap.newKeySet();

    private final List<StatefulRedisConnection<String, String>> connections = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> completed = new ConcurrentHashMap<>();
    private final LongAdder redeliveries = new LongAdder();
    private final RedisJobs redis;
    private final JobRecorder recorder;
    /** False once closing: no new job is taken. */
    private volatile boolean accepting = true;
    /** False once closed: nothing more is written, and unfinished jobs are abandoned to be reclaimed. */
    private volatile boolean open = true;

    /**
     * A worker for the jobs of {@code jobs} (on the same Redis connection and keys), running them with
     * {@code scans}; call {@link #start()}.
     */
    public RedisJobWorker(RedisJobQueue jobs, ScanWaste scans, RedisWorkerSettings settings) {
        this(jobs, scans, settings, JobRecorder.none());
    }

    /** The same, reporting queue waits, outcomes and redeliveries to {@code recorder} (metrics). */
    public RedisJobWorker(RedisJobQueue jobs, ScanWaste scans, RedisWorkerSettings settings, JobRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.store = Objects.requireNonNull(jobs, "jobs").store();
        this.redis = store.redis();
        this.scans = Objects.requireNonNull(scans, "scans");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.consumer = Consumer.from(JobKeys.GROUP, uniqueConsumerName());
    }

    /** Unique per worker: two workers of one process must not share pending entries either. */
    private static String uniqueConsumerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the consumer group when needed and starts the reading loops and the reclaim loop. */
    public RedisJobWorker start() {
        ensureGroup(store.commands());
        for (int i = 0; i < settings.concurrency(); i++) {
            StatefulRedisConnection<String, String> connection = redis.dedicatedConnection();
            connections.add(connection);
            threads.add(Thread.ofVirtual().name("redis-job-reader-" + i).start(() -> read(connection.sync())));
        }
        threads.add(Thread.ofVirtual().name("redis-job-reclaimer").start(this::reclaim));
        return this;
    }

    public String consumerName() {
        return consumer.getName();
    }

    /** Step events of the jobs this worker runs move them to the next stage, as the embedded queue does. */
    public StepRecorder progressRecorder() {
        return event -> {
            if (!open || event.status() != StepStatus.SUCCESS || !running.containsKey(event.scanId())) {
                return;
            }
            try {
                store.enter(event.scanId(), JobStage.after(event.step()));
            } catch (RedisException e) {
                // Progress is best effort: the done event, written later, is what the client needs.
            }
        };
    }

    private void ensureGroup(RedisCommands<String, String> commands) {
        try {
            commands.xgroupCreate(
                    XReadArgs.StreamOffset.from(store.keys().stream(), "0-0"),
                    JobKeys.GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: another worker created it first.
        }
    }

    private void read(RedisCommands<String, String> commands) {
        while (accepting) {
            try {
                for (StreamMessage<String, String> message : readOne(commands)) {
                    process(message);
                }
            } catch (RedisException e) {
                if (!open) {
                    return;
                }
                if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                    // Redis came back empty (no persistence): the stream and group must be made again.
                    recreateGroup();
                } else {
                    pause(Duration.ofMillis(500));
                }
            }
        }
    }

    // Lettuce's varargs of a generic type cannot be @SafeVarargs on an interface; the one offset is safe.
    @SuppressWarnings("unchecked")
    private List<StreamMessage<String, String>> readOne(RedisCommands<String, String> commands) {
        return commands.xreadgroup(
                consumer,
                XReadArgs.Builder.block(1000).count(1),
                XReadArgs.StreamOffset.lastConsumed(store.keys().stream()));
    }

    private void recreateGroup() {
        try {
            ensureGroup(store.commands());
        } catch (RedisException e) {
            pause(Duration.ofMillis(500));
        }
    }

    /** Takes over jobs idle too long on dead workers, and renews the claim on this worker's own. */
    private void reclaim() {
        while (accepting) {
            pause(settings.reclaimEvery());
            if (!accepting) {
                return;
            }
            try {
                heartbeat();
            } catch (RedisException e) {
                // Missed once, the claim is renewed next round, well within reclaimAfter.
            }
            try {
                List<StreamMessage<String, String>> claimed = store.commands()
                        .xautoclaim(
                                store.keys().stream(),
                                XAutoClaimArgs.Builder.xautoclaim(consumer, settings.reclaimAfter(), "0-0")
                                        .count(10))
                        .getMessages();
                for (StreamMessage<String, String> message : claimed) {
                    if (running.containsValue(message.getId())) {
                        // Its own job, claimed back after a missed heartbeat: still running here.
                        continue;
                    }
                    redeliveries.increment();
                    recorder.redelivered();
                    Thread.ofVirtual().name("redis-job-reclaimed").start(() -> {
                        reclaimers.add(Thread.currentThread());
                        try {
                            process(message);
                        } finally {
                            reclaimers.remove(Thread.currentThread());
                        }
                    });
                }
            } catch (RedisException e) {
                // Redis is away; the next round tries again.
            }
        }
    }

    /** Resets the idle time of the entries this worker is running, so no other worker reclaims a live job. */
    private void heartbeat() {
        String[] ids = running.values().toArray(String[]::new);
        if (ids.length > 0) {
            store.commands().xclaim(store.keys().stream(), consumer, XClaimArgs.Builder.justid(), ids);
        }
    }

    private void process(StreamMessage<String, String> message) {
        try {
            Optional<ScanId> id = jobOf(message);
            if (!accepting) {
                // Read while closing: left pending for another worker.
                return;
            }
            if (id.isEmpty() || store.isDone(id.get())) {
                acknowledge(message);
                return;
            }
            Optional<RedisJobStore.StoredJob> job = store.load(id.get());
            if (job.isEmpty()) {
                // Expired past its retention: nobody can ask for it any more.
                acknowledge(message);
                return;
            }
            if (running.putIfAbsent(id.get(), message.getId()) != null) {
                return;
            }
            try {
                run(message, job.get());
            } finally {
                running.remove(id.get());
            }
        } catch (RedisException e) {
            // Not acknowledged: the entry stays pending and is reclaimed once Redis answers again.
        }
    }

    private void run(StreamMessage<String, String> message, RedisJobStore.StoredJob job) {
        ScanId id = job.request().id();
        recorder.started(Duration.between(job.submittedAt(), Instant.now()));
        store.enter(id, JobStage.VISION);
        ScanOutcome outcome;
        try {
            outcome = scans.scan(job.request());
        } catch (RuntimeException e) {
            // The use case never throws for port trouble; this is a bug, and the job must still end.
            outcome = new ScanOutcome.Failed(
                    id,
                    job.request().question(),
                    Step.VISION,
                    FailureKind.INTERNAL_ERROR,
                    "the scan failed unexpectedly: " + e,
                    List.of());
        }
        if (!open) {
            // Cut short by close: leave it pending, so another worker runs it again from the start.
            return;
        }
        if (store.finish(id, outcome)) {
            completed.computeIfAbsent(kind(outcome), k -> new LongAdder()).increment();
            recorder.finished(outcome);
        }
        acknowledge(message);
    }

    private static String kind(ScanOutcome outcome) {
        return switch (outcome) {
            case ScanOutcome.Completed completed -> "completed";
            case ScanOutcome.Rejected rejected -> "rejected";
            case ScanOutcome.Failed failed -> "failed";
        };
    }

    private static Optional<ScanId> jobOf(StreamMessage<String, String> message) {
        try {
            return Optional.ofNullable(message.getBody())
                    .map(body -> body.get(JOB_FIELD))
                    .map(text -> new ScanId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Acknowledges, then deletes the entry, so the stream's length counts only unfinished jobs. */
    private void acknowledge(StreamMessage<String, String> message) {
        RedisCommands<String, String> commands = store.commands();
        commands.xack(store.keys().stream(), JobKeys.GROUP, message.getId());
        commands.xdel(store.keys().stream(), message.getId());
    }

    /** Jobs this worker finished (wrote the done event of), by outcome: completed, rejected, failed. */
    public Map<String, Long> completedByOutcome() {
        Map<String, Long> counts = new TreeMap<>();
        completed.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    /** Jobs this worker took over from another (or from an earlier life of itself). */
    public long redeliveries() {
        return redeliveries.sum();
    }

    /** Jobs in the stream, waiting or running: a gauge. */
    public long queueDepth() {
        Long length = store.commands().xlen(store.keys().stream());
        return length == null ? 0 : length;
    }

    /** Jobs delivered to some worker and not yet acknowledged: a gauge. */
    public long pending() {
        PendingMessages pending = store.commands().xpending(store.keys().stream(), JobKeys.GROUP);
        return pending == null ? 0 : pending.getCount();
    }

    /** Jobs running in this worker now. */
    public int running() {
        return running.size();
    }

    /**
     * Stops taking jobs, lets running ones finish for the shutdown grace, then abandons the rest
     * unacknowledged, for another worker to reclaim.
     */
    @Override
    public void close() {
        if (!accepting) {
            return;
        }
        accepting = false;
        long graceEnds = System.nanoTime() + settings.shutdownGrace().toNanos();
        // Running scans may still write their results during the grace period.
        while (!running.isEmpty() && System.nanoTime() < graceEnds) {
            pause(Duration.ofMillis(20));
        }
        open = false;
        List<Thread> workers = new ArrayList<>(threads);
        workers.addAll(reclaimers);
        workers.forEach(Thread::interrupt);
        connections.forEach(StatefulRedisConnection::close);
        // Interrupted scans end quickly; one that ignores interrupts is not waited for past this.
        long joinEnds = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        for (Thread thread : workers) {
            try {
                thread.join(Duration.ofNanos(Math.max(1_000_000, joinEnds - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
