package dev.ecoscan.adapter.redis;

import dev.ecoscan.application.jobs.JobRunner;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.port.JobRecorder;
import io.lettuce.core.Consumer;
import io.lettuce.core.models.stream.PendingMessages;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Runs queued jobs from the Redis stream, as one consumer of the group {@code workers}: a
 * {@link StreamConsumer} reads new entries, a {@link ClaimKeeper} renews this worker's claims and
 * takes over those of dead workers, and {@link DeliveredJobs} runs each with the application's
 * {@link JobRunner}, whose progress comes from each job's own scan. A job is acknowledged only after
 * its done event is stored, so a worker that dies leaves its job pending, and another worker takes it
 * over ({@code XAUTOCLAIM}) once it has been idle for {@code reclaimAfter}.
 */
public final class RedisJobWorker implements AutoCloseable {

    private final RedisJobStore store;
    private final RedisWorkerSettings settings;
    private final Consumer<String> consumer;
    private final DeliveredJobs deliveries;
    private final StreamConsumer reader;
    private final ClaimKeeper claims;

    /**
     * A worker for the jobs of {@code jobs} (on the same Redis connection and keys), running them with
     * {@code scans}; call {@link #start()}.
     */
    public RedisJobWorker(RedisJobQueue jobs, ScanWaste scans, RedisWorkerSettings settings) {
        this(jobs, scans, settings, JobRecorder.none());
    }

    /** The same, reporting queue waits, outcomes and redeliveries to {@code recorder} (metrics). */
    public RedisJobWorker(RedisJobQueue jobs, ScanWaste scans, RedisWorkerSettings settings, JobRecorder recorder) {
        Objects.requireNonNull(recorder, "recorder");
        this.store = Objects.requireNonNull(jobs, "jobs").store();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.consumer = Consumer.from(JobKeys.GROUP, uniqueConsumerName());
        // Waits are measured on this machine's clock against the submitting process's.
        this.deliveries = new DeliveredJobs(store, new JobRunner(scans, recorder, Clock.systemUTC()));
        this.reader = new StreamConsumer(store, consumer, deliveries);
        this.claims = new ClaimKeeper(store, consumer, deliveries, settings, recorder);
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

    /** Creates the consumer group when needed and starts the reading loops and the claim keeper. */
    public RedisJobWorker start() {
        reader.start(settings.concurrency());
        claims.start();
        return this;
    }

    public String consumerName() {
        return consumer.getName();
    }

    /** Jobs this worker finished (wrote the done event of), by outcome: completed, rejected, failed. */
    public Map<String, Long> completedByOutcome() {
        return deliveries.completedByOutcome();
    }

    /** Jobs this worker took over from another (or from an earlier life of itself). */
    public long redeliveries() {
        return claims.redeliveries();
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
        return deliveries.running();
    }

    /**
     * Stops taking jobs, lets running ones finish for the shutdown grace, then abandons the rest
     * unacknowledged, for another worker to reclaim.
     */
    @Override
    public void close() {
        if (!deliveries.taking()) {
            return;
        }
        deliveries.stopTaking();
        long graceEnds = System.nanoTime() + settings.shutdownGrace().toNanos();
        // Running scans may still write their results during the grace period.
        while (deliveries.running() > 0 && System.nanoTime() < graceEnds) {
            Pause.of(Duration.ofMillis(20));
        }
        deliveries.stopWriting();
        List<Thread> workers = new ArrayList<>(reader.threads());
        workers.addAll(claims.threads());
        workers.forEach(Thread::interrupt);
        reader.closeConnections();
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
}
