package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI-compatible chat completions server for tests, demos and load tests. It runs on the JDK's
 * HTTP server with one virtual thread per request, so ten thousand requests can wait at once, each
 * sleeping as long as a real provider would. Close it to stop it.
 *
 * <pre>{@code
 * try (LlmSimulator sim = LlmSimulator.start(SimulatorConfig.instant())) {
 *     sim.faults().next(Fault.RATE_LIMIT);
 *     // point an OpenAI client at sim.baseUrl()
 * }
 * }</pre>
 */
public final class LlmSimulator implements AutoCloseable {

    /** Connections waiting to be accepted; load tests open thousands at once. The kernel may cap it lower. */
    static final int BACKLOG = 16_384;
    /** How long close() waits for the threads of requests it woke up. */
    private static final int STOP_GRACE_SECONDS = 2;

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final FaultPlan faults;
    private final StatsCounters stats;
    private final CountDownLatch closing;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LlmSimulator(
            SimulatorConfig config,
            HttpServer server,
            ExecutorService executor,
            FaultPlan faults,
            StatsCounters stats,
            CountDownLatch closing) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.faults = faults;
        this.stats = stats;
        this.closing = closing;
    }

    /**
     * Starts listening at once; the port is bound when this returns.
     *
     * @param config where to listen and how to behave
     * @return the running simulator
     */
    public static LlmSimulator start(SimulatorConfig config) {
        Objects.requireNonNull(config, "config");
        HttpServer server;
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "llm-simulator cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ObjectMapper json = new ObjectMapper();
        FaultPlan faults = new FaultPlan();
        StatsCounters stats = new StatsCounters();
        CountDownLatch closing = new CountDownLatch(1);
        ChatCompletions chat = new ChatCompletions(config, faults, stats, closing, json);
        server.createContext("/", new SimulatorHandler(chat, stats, new HttpReplies(json)));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new LlmSimulator(config, server, executor, faults, stats, closing);
    }

    /**
     * The base URL an OpenAI client takes, e.g. {@code http://127.0.0.1:49152/v1}.
     *
     * @return the base URL, ending in {@code /v1}
     */
    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port() + "/v1";
    }

    /**
     * The port it listens on, which is the ephemeral one chosen when the configuration asked for 0.
     *
     * @return the bound port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * How the simulator was started.
     *
     * @return its configuration
     */
    public SimulatorConfig config() {
        return config;
    }

    /**
     * What it has served so far, as {@code GET /stats} reports it.
     *
     * @return a snapshot
     */
    public SimulatorStats stats() {
        return stats.snapshot();
    }

    /** Zeroes the counters, as {@code POST /stats/reset} does. */
    public void resetStats() {
        stats.reset();
    }

    /**
     * Faults scripted for the next requests.
     *
     * @return the plan, shared with the server
     */
    public FaultPlan faults() {
        return faults;
    }

    /**
     * Stops listening, ends sleeping and hanging requests (their connections are dropped without an
     * answer) and waits for their threads. Safe to call twice.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Wake every sleeping and hanging request first: each then ends without an answer.
        closing.countDown();
        // No grace period: the JDK server counts an exchange ended without a response as still open,
        // so any grace period would always run out. The requests were woken above and drop anyway.
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LoggerFactory.getLogger(LlmSimulator.class)
                        .warn("llm-simulator: some requests were still running after close()");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A wildcard address is reached through loopback; an IPv6 literal needs brackets in a URL. */
    private String hostForUrl() {
        InetAddress address = server.getAddress().getAddress();
        if (address.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    @Override
    public String toString() {
        return "LlmSimulator[" + baseUrl() + ", speed " + config.speed() + ", seed " + config.seed() + "]";
    }
}
