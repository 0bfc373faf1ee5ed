package dev.ecoscan.bootstrap.config;

import dev.ecoscan.application.jobs.JobRetention;
import java.time.Duration;
import java.util.Optional;

/**
 * Asynchronous scans: where they queue, how long their results are kept, how workers run them, and
 * how long SIGTERM lets {@code serve} and {@code worker} finish.
 *
 * @param redis    true for the Redis queue, false to run jobs in this process
 * @param redisUrl the Redis the queue lives on; needed with {@link #QUEUE} {@code redis}
 */
public record JobSettings(
        boolean redis,
        Optional<String> redisUrl,
        JobRetention retention,
        int workerConcurrency,
        Duration reclaimAfter,
        Duration drainGrace) {

    static final Setting<String> QUEUE = Setting.of(
                    "ECO_SCAN_QUEUE",
                    "job queue of asynchronous scans: `memory` (run in this process) or `redis` (run by `eco-scan"
                            + " worker` processes)",
                    Formats.oneOf("memory", "redis"))
            .defaultsTo("memory");
    static final Setting<String> REDIS_URL = Setting.of(
                    "ECO_SCAN_REDIS_URL", "Redis for the job queue, e.g. `redis://127.0.0.1:6379`", Formats.REDIS_URL)
            .urlWithPassword();
    static final Setting<Duration> RETENTION = Setting.of(
                    "ECO_SCAN_JOB_RETENTION",
                    "how long finished asynchronous scans (result, events, idempotency key) are kept (about 4.5 KB"
                            + " each in memory, 7 KB in Redis)",
                    Formats.DURATION_TEXT.where(
                            "a duration of at least a second, such as 1h or 30m", d -> d.toSeconds() >= 1))
            .defaultsTo("1h");
    static final Setting<Integer> RETENTION_MAX = Setting.of(
                    "ECO_SCAN_JOB_RETENTION_MAX",
                    "finished asynchronous scans kept at most, the oldest forgotten first",
                    Formats.POSITIVE)
            .defaultsTo("10000");
    static final Setting<Integer> WORKER_CONCURRENCY = Setting.of(
                    "ECO_SCAN_WORKER_CONCURRENCY", "scans one `eco-scan worker` runs at once", Formats.POSITIVE)
            .defaultsTo("64");
    static final Setting<Duration> WORKER_RECLAIM_AFTER = Setting.of(
                    "ECO_SCAN_WORKER_RECLAIM_AFTER",
                    "how long a dead worker's unacknowledged job waits before another worker takes it",
                    Formats.DURATION_TEXT)
            .defaultsTo("30s");
    /**
     * The 25 s default ends the drain before Kubernetes' default {@code terminationGracePeriodSeconds}
     * of 30 s sends SIGKILL; raise both together.
     */
    static final Setting<Duration> DRAIN_GRACE = Setting.of(
                    "ECO_SCAN_DRAIN_GRACE",
                    "how long SIGTERM lets `serve` and `worker` finish the scans in hand before they cut the rest and"
                            + " stop (see [Shutdown](#shutdown)); under Kubernetes, a few seconds under"
                            + " `terminationGracePeriodSeconds`",
                    Formats.DURATION_TEXT)
            .defaultsTo("25s");

    static JobSettings from(SettingValues values) {
        return new JobSettings(
                values.get(QUEUE).equals("redis"),
                values.optional(REDIS_URL),
                new JobRetention(values.get(RETENTION), values.get(RETENTION_MAX)),
                values.get(WORKER_CONCURRENCY),
                values.get(WORKER_RECLAIM_AFTER),
                values.get(DRAIN_GRACE));
    }
}
