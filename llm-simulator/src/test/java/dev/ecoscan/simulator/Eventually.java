package dev.ecoscan.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition for up to 5 s. A request's handler leaves the in-flight gauge just after its last
 * byte is written, so a client can see its response a moment before the gauge drops.
 */
final class Eventually {

    private Eventually() {}

    static boolean holds(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return condition.getAsBoolean();
    }
}
