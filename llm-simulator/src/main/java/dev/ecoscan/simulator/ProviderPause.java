package dev.ecoscan.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The waits of a request (latency, a hang), cut short when the simulator closes. */
final class ProviderPause {

    private final CountDownLatch closing;

    ProviderPause(CountDownLatch closing) {
        this.closing = closing;
    }

    /**
     * Waits like a provider. Returns false, at once, when the simulator is closing, so a sleeping or
     * hanging request ends with the server instead of keeping it up.
     */
    boolean waitFor(Duration duration) throws InterruptedException {
        if (duration.isZero() || duration.isNegative()) {
            return closing.getCount() > 0;
        }
        return !closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
