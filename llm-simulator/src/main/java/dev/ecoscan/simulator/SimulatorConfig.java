package dev.ecoscan.simulator;

import dev.ecoscan.data.KnowledgeBase;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link LlmSimulator} behaves.
 *
 * @param host          the address to listen on; a loopback address unless a demo must be reached from outside
 * @param port          the port, 0 for an ephemeral one
 * @param speed         multiplies every simulated latency: 0 answers at once, 1 is as slow as a real provider
 * @param seed          seeds every random choice (latencies, random faults, generic content), so runs repeat
 * @param faultRates    the share of requests that get each fault when none is scripted
 * @param retryAfter    what a 429 asks the client to wait, sent in {@code Retry-After} (whole seconds, rounded up)
 * @param hangDuration  how long a hung request stays open; not scaled by the speed, since a hang lasts
 *                      until the client gives up
 * @param knowledgeBase the taxonomy that vision replies are labelled from
 */
public record SimulatorConfig(
        String host,
        int port,
        double speed,
        long seed,
        FaultRates faultRates,
        Duration retryAfter,
        Duration hangDuration,
        KnowledgeBase knowledgeBase) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    public static final Duration DEFAULT_HANG = Duration.ofSeconds(120);

    /** Checks that the address, port, speed and durations are valid. */
    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be in [0, 65535] (0 = any free port), got " + port);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("the speed factor must be a finite number >= 0, got " + speed);
        }
        Objects.requireNonNull(faultRates, "faultRates");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retry-after must not be negative, got " + retryAfter);
        }
        Objects.requireNonNull(hangDuration, "hangDuration");
        if (hangDuration.isNegative() || hangDuration.isZero()) {
            throw new IllegalArgumentException("the hang duration must be positive, got " + hangDuration);
        }
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    }

    /**
     * Loopback, an ephemeral port, realistic latencies, seed 42, no faults, the embedded knowledge base.
     *
     * @return the default configuration
     */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(
                DEFAULT_HOST,
                0,
                1.0,
                DEFAULT_SEED,
                FaultRates.none(),
                DEFAULT_RETRY_AFTER,
                DEFAULT_HANG,
                KnowledgeBase.embedded());
    }

    /**
     * The defaults at speed 0: every answer at once, as unit tests want.
     *
     * @return the default configuration, with no latency
     */
    public static SimulatorConfig instant() {
        return defaults().withSpeed(0);
    }

    /**
     * A copy listening on another address.
     *
     * @param host the address
     * @return the copy
     */
    public SimulatorConfig withHost(String host) {
        return new SimulatorConfig(host, port, speed, seed, faultRates, retryAfter, hangDuration, knowledgeBase);
    }

    /**
     * A copy listening on another port.
     *
     * @param port the port, 0 for an ephemeral one
     * @return the copy
     */
    public SimulatorConfig withPort(int port) {
        return new SimulatorConfig(host, port, speed, seed, faultRates, retryAfter, hangDuration, knowledgeBase);
    }

    /**
     * A copy with another latency factor.
     *
     * @param speed 0 for none, 1 for a real provider's
     * @return the copy
     */
    public SimulatorConfig withSpeed(double speed) {
        return new SimulatorConfig(host, port, speed, seed, faultRates, retryAfter, hangDuration, knowledgeBase);
    }

    /**
     * A copy with another seed.
     *
     * @param seed the seed
     * @return the copy
     */
    public SimulatorConfig withSeed(long seed) {
        return new SimulatorConfig(host, port, speed, seed, faultRates, retryAfter, hangDuration, knowledgeBase);
    }

    /**
     * A copy with other random faults.
     *
     * @param faultRates the shares
     * @return the copy
     */
    public SimulatorConfig withFaultRates(FaultRates faultRates) {
        return new SimulatorConfig(host, port, speed, seed, faultRates, retryAfter, hangDuration, knowledgeBase);
    }

    /**
     * A copy with another {@code Retry-After}.
     *
     * @param retryAfter what a 429 asks the client to wait
     * @return the copy
     */
    public SimulatorConfig withRetryAfter(Duration retryAfter) {
        return new SimulatorConfig(host, port, speed, seed, faultRates, retryAfter, hangDuration, knowledgeBase);
    }

    /**
     * A copy whose hangs last another time.
     *
     * @param hangDuration how long a hung request stays open
     * @return the copy
     */
    public SimulatorConfig withHangDuration(Duration hangDuration) {
        return new SimulatorConfig(host, port, speed, seed, faultRates, retryAfter, hangDuration, knowledgeBase);
    }
}
