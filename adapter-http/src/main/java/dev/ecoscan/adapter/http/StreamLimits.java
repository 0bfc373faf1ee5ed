package dev.ecoscan.adapter.http;

/**
 * The bounds on open event streams ({@code GET /api/v1/scan/{job_id}/events}). A stream holds a
 * connection, a virtual thread and, on the Redis queue, a Redis connection for as long as its job
 * runs, so without a bound a few clients could hold thousands. Past {@code perUser} a stream is
 * refused with 429, past {@code total} with 503, at once.
 *
 * @param perUser how many streams one user may have open at once
 * @param total   how many streams this instance serves at once
 */
public record StreamLimits(int perUser, int total) {

    /**
     * A person follows one scan at a time, a few when they scan in a row; a browser opens at most
     * six connections per host over HTTP/1.1, and a stream takes one.
     */
    public static final int DEFAULT_PER_USER = 5;

    public StreamLimits {
        if (perUser < 1 || total < 1) {
            throw new IllegalArgumentException(
                    "the stream bounds must be positive: " + perUser + " per user, " + total + " in all");
        }
    }

    /** {@value #DEFAULT_PER_USER} per user and {@code total} in all. */
    public static StreamLimits of(int total) {
        return new StreamLimits(DEFAULT_PER_USER, total);
    }
}
