package dev.ecoscan.adapter.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads the job stream as one consumer of the group {@code workers}: one virtual-thread loop per job
 * run at once, each on a connection of its own ({@code XREADGROUP … BLOCK} holds its connection),
 * handing each entry to {@link DeliveredJobs}. If Redis comes back empty, the group is made again.
 */
final class StreamConsumer {

    private final RedisJobStore store;
    private final Consumer<String> consumer;
    private final DeliveredJobs deliveries;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<StatefulRedisConnection<String, String>> connections = new CopyOnWriteArrayList<>();

    StreamConsumer(RedisJobStore store, Consumer<String> consumer, DeliveredJobs deliveries) {
        this.store = store;
        this.consumer = consumer;
        this.deliveries = deliveries;
    }

    /** Creates the consumer group when needed and starts {@code loops} reading loops. */
    void start(int loops) {
        ensureGroup();
        for (int i = 0; i < loops; i++) {
            StatefulRedisConnection<String, String> connection = store.redis().dedicatedConnection();
            connections.add(connection);
            threads.add(Thread.ofVirtual().name("redis-job-reader-" + i).start(() -> read(connection.sync())));
        }
    }

    private void ensureGroup() {
        try {
            store.commands()
                    .xgroupCreate(
                            XReadArgs.StreamOffset.from(store.keys().stream(), "0-0"),
                            JobKeys.GROUP,
                            XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: another worker created it first.
        }
    }

    private void read(RedisCommands<String, String> commands) {
        while (deliveries.taking()) {
            try {
                for (StreamMessage<String, String> message : readOne(commands)) {
                    deliveries.run(message);
                }
            } catch (RedisException e) {
                if (!deliveries.writing()) {
                    return;
                }
                if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                    // Redis came back empty (no persistence): the stream and group must be made again.
                    recreateGroup();
                } else {
                    Pause.of(Duration.ofMillis(500));
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
            ensureGroup();
        } catch (RedisException e) {
            Pause.of(Duration.ofMillis(500));
        }
    }

    /** The reading loops, to interrupt and wait for on close. */
    List<Thread> threads() {
        return List.copyOf(threads);
    }

    /** Closes the loops' connections, which ends a read blocked on one. */
    void closeConnections() {
        connections.forEach(StatefulRedisConnection::close);
    }
}
