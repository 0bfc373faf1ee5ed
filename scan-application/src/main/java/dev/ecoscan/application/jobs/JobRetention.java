package dev.ecoscan.application.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How long finished jobs, with their events and idempotency keys, are kept, and how many at most. A
 * job is forgotten {@code age} after it finished, or sooner, oldest first, once {@code count} newer
 * jobs have finished: the age alone would let a burst of scans grow the store without bound.
 * Unfinished jobs are never forgotten; the queue's own bound limits them.
 *
 * @param age   how long a finished job is kept; at least a second
 * @param count how many finished jobs are kept at most
 */
public record JobRetention(Duration age, int count) {

    public static final Duration DEFAULT_AGE = Duration.ofHours(1);
    /**
     * A finished job costs about 4.5 KB of heap (measured: the request with a 300-character question,
     * its events, the outcome with a 400-character answer, its idempotency key), so the default holds
     * about 45 MB at most, a tenth of a 512 MB heap; in Redis a job takes about 7 KB (its Korean text
     * is UTF-8 there), so about 70 MB. At 100 asynchronous scans a second that is still over a minute
     * and a half of results, and a client reads its result seconds after the done event.
     */
    public static final int DEFAULT_COUNT = 10_000;

    /** Checks that jobs are kept for at least a second, and at least one of them. */
    public JobRetention {
        Objects.requireNonNull(age, "age");
        if (age.toSeconds() < 1) {
            throw new IllegalArgumentException("jobs must be kept for at least a second: " + age);
        }
        if (count < 1) {
            throw new IllegalArgumentException("at least one finished job must be kept: " + count);
        }
    }

    /**
     * An hour, and {@value #DEFAULT_COUNT} jobs.
     *
     * @return the default retention
     */
    public static JobRetention defaults() {
        return new JobRetention(DEFAULT_AGE, DEFAULT_COUNT);
    }

    /**
     * {@code age}, and the default count.
     *
     * @param age how long a finished job is kept
     * @return the retention
     */
    public static JobRetention ofAge(Duration age) {
        return new JobRetention(age, DEFAULT_COUNT);
    }
}
