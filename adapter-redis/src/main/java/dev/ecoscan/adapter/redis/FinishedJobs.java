package dev.ecoscan.adapter.redis;

import dev.ecoscan.application.jobs.JobRetention;
import dev.ecoscan.domain.scan.ScanId;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.UUID;

/**
 * The retention's count in Redis: finished jobs are a sorted set by the time they finished, and past
 * the count the oldest are forgotten, with their keys and idempotency key (their age is bounded by
 * TTLs). Each removal is atomic ({@code ZPOPMIN}), so workers trimming at once never forget the same
 * job twice.
 */
final class FinishedJobs {

    /**
     * KEYS: record, events, done marker, uploaded image. ARGV: job id, how long the tombstone stays in seconds. Deletes
     * a job and its idempotency key (if that still names it), and leaves in its events stream one
     * {@code gone} entry, with an automatic id later than every event's, so that a reader blocked on
     * the stream wakes at once instead of at the end of its block. (A key computed from the record:
     * fine on one Redis, as every key here is; not on a cluster.)
     */
    private static final String FORGET = """
            local idem = redis.call('HGET', KEYS[1], 'idem')
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
            if idem and redis.call('GET', idem) == ARGV[1] then redis.call('DEL', idem) end
            redis.call('XADD', KEYS[2], '*', 'gone', '1')
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return 1
            """;

    private static final long TOMBSTONE_SECONDS = 10;

    private final RedisJobs redis;
    private final JobRetention retention;

    FinishedJobs(RedisJobs redis, JobRetention retention) {
        this.redis = redis;
        this.retention = retention;
    }

    /** As {@link #forgetOverCount}, but a failure only leaves the trim to the next job that finishes. */
    void trimQuietly(int room) {
        try {
            forgetOverCount(room);
        } catch (RedisException e) {
            // The job is answered all the same; the next job to finish trims what this one could not.
        }
    }

    /** Forgets the oldest finished jobs until {@code room} more fit in the retention's count. */
    void forgetOverCount(int room) {
        RedisCommands<String, String> commands = redis.commands();
        String finished = redis.keys().finished();
        Long kept = commands.zcard(finished);
        long over = (kept == null ? 0 : kept) + room - retention.count();
        if (over <= 0) {
            return;
        }
        for (ScoredValue<String> oldest : commands.zpopmin(finished, over)) {
            try {
                forget(new ScanId(UUID.fromString(oldest.getValue())));
            } catch (IllegalArgumentException e) {
                // Not a job id: nothing to forget.
            }
        }
    }

    /** Deletes a finished job, its events and its idempotency key, waking whoever waits on its events. */
    private void forget(ScanId id) {
        JobKeys keys = redis.keys();
        redis.commands()
                .eval(
                        FORGET,
                        ScriptOutputType.INTEGER,
                        new String[] {keys.record(id), keys.events(id), keys.done(id), keys.image(id)},
                        id.toString(),
                        Long.toString(TOMBSTONE_SECONDS));
    }
}
