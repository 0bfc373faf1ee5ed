package dev.ecoscan.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;

/**
 * The connection to the Redis that holds the jobs: one client, one shared connection for short
 * commands, and dedicated connections for blocking reads. Commands fail fast while Redis is away.
 */
public final class RedisJobs implements AutoCloseable {

    /** The prefix of every key, so several applications can share one Redis. */
    public static final String DEFAULT_PREFIX = "eco-scan:";

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> shared;
    /** For uploaded images, raw bytes in and out; opened when the first one is stored or read. */
    private StatefulRedisConnection<byte[], byte[]> binary;

    private final JobKeys keys;
    private final Duration commandTimeout;

    /** Connects to {@code redis://host:port} with the default prefix and command timeout. */
    public RedisJobs(String url) {
        this(url, DEFAULT_PREFIX, DEFAULT_COMMAND_TIMEOUT);
    }

    /**
     * @param url            {@code redis://host:port} (Lettuce's URI syntax: password, database, TLS)
     * @param keyPrefix      put before every key, e.g. {@code eco-scan:}
     * @param commandTimeout how long one command may take; an outage is noticed within it
     * @throws io.lettuce.core.RedisConnectionException when Redis cannot be reached at start-up
     */
    public RedisJobs(String url, String keyPrefix, Duration commandTimeout) {
        Objects.requireNonNull(url, "url");
        this.keys = new JobKeys(keyPrefix);
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("the command timeout must be positive: " + commandTimeout);
        }
        this.commandTimeout = commandTimeout;
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(commandTimeout);
        // A short, constant reconnect delay: after an outage the queue accepts jobs again within a second.
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.constant(Duration.ofMillis(250)))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Rejecting while disconnected (instead of buffering) turns an outage into a quick refusal.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        try {
            this.shared = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            resources.shutdown();
            throw e;
        }
    }

    /** The shared connection's commands; thread-safe, never for blocking reads. */
    RedisCommands<String, String> commands() {
        return shared.sync();
    }

    /** A shared connection for binary values (uploaded images); thread-safe, never for blocking reads. */
    synchronized RedisCommands<byte[], byte[]> binaryCommands() {
        if (binary == null) {
            binary = client.connect(ByteArrayCodec.INSTANCE);
        }
        return binary.sync();
    }

    /** A connection of its own, for a loop that blocks on Redis; the caller closes it. */
    StatefulRedisConnection<String, String> dedicatedConnection() {
        return client.connect();
    }

    JobKeys keys() {
        return keys;
    }

    /** How long one command may take; a blocking read must return well within it. */
    Duration commandTimeout() {
        return commandTimeout;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (binary != null) {
                binary.close();
            }
        }
        shared.close();
        client.shutdown();
        resources.shutdown();
    }
}
