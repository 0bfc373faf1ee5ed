package dev.ecoscan.adapter.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Connections of their own for blocking reads ({@code XREAD BLOCK}): a blocked command holds its
 * connection until it returns, so on the shared connection it would hold up every other command.
 * At most {@code max} are open (the service's bound on event streams, so no stream waits for one);
 * each is opened on first need and kept for the next read, and one whose read failed is closed, not
 * reused. The client's shutdown closes those left.
 */
final class BlockingReads {

    private final RedisJobs redis;
    private final Semaphore permits;
    private final Queue<StatefulRedisConnection<String, String>> idle = new ConcurrentLinkedQueue<>();

    BlockingReads(RedisJobs redis, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one blocking read must be allowed: " + max);
        }
        this.redis = redis;
        this.permits = new Semaphore(max);
    }

    /**
     * Runs {@code read} on a connection of its own. Empty when none became free within {@code wait}.
     *
     * @throws io.lettuce.core.RedisException when Redis cannot be reached, or the read fails
     */
    <T> Optional<T> read(Duration wait, Function<RedisCommands<String, String>, T> read) throws InterruptedException {
        if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        StatefulRedisConnection<String, String> connection = null;
        boolean reusable = false;
        try {
            connection = idle.poll();
            if (connection != null && !connection.isOpen()) {
                connection.close();
                connection = null;
            }
            if (connection == null) {
                connection = redis.dedicatedConnection();
            }
            T result = read.apply(connection.sync());
            reusable = true;
            return Optional.of(result);
        } finally {
            if (connection != null) {
                // A read cut short (timeout, interrupt) may still get its reply later: never reuse its connection.
                if (reusable) {
                    idle.add(connection);
                } else {
                    connection.close();
                }
            }
            permits.release();
        }
    }

    /** Connections open and idle now, kept for the next read. */
    int idle() {
        return idle.size();
    }
}
