package dev.ecoscan.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RedisJobWorker} runs.
 *
 * @param concurrency   how many jobs it runs at once (one reading loop each)
 * @param reclaimAfter  how long a job may sit unacknowledged, without its worker's heartbeat, before
 *                      another worker takes it over
 * @param reclaimEvery  how often it looks for such jobs, and renews the claim on its own
 * @param shutdownGrace how long {@code close} lets running jobs finish; the rest are left to be reclaimed
 */
public record RedisWorkerSettings(
        int concurrency, Duration reclaimAfter, Duration reclaimEvery, Duration shutdownGrace) {

    public RedisWorkerSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("a worker runs at least one job at a time");
        }
        requirePositive(reclaimAfter, "reclaimAfter");
        requirePositive(reclaimEvery, "reclaimEvery");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (reclaimEvery.compareTo(reclaimAfter) >= 0) {
            // The heartbeat renews claims every reclaimEvery; slower than reclaimAfter, live jobs would be stolen.
            throw new IllegalArgumentException(
                    "reclaimEvery (" + reclaimEvery + ") must be shorter than reclaimAfter (" + reclaimAfter + ")");
        }
    }

    /** Defaults: the given concurrency, reclaim after 30 s, look every 5 s, 10 s to finish on close. */
    public static RedisWorkerSettings defaults(int concurrency) {
        return new RedisWorkerSettings(
                concurrency, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
