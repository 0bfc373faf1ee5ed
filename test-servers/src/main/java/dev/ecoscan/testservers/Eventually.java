package dev.ecoscan.testservers;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until a deadline. A server gives back what a request held (a scan slot, a gauge)
 * just after the response's last byte is written, so a client can see its answer a moment before
 * the server's own count drops: tests wait for that, with a bound, instead of sleeping.
 */
public final class Eventually {

    private static final Duration DEFAULT_BOUND = Duration.ofSeconds(10);

    private Eventually() {}

    /** Returns once {@code condition} holds; fails the test naming {@code what} after 10 s. */
    public static void holds(String what, BooleanSupplier condition) {
        holds(what, DEFAULT_BOUND, condition);
    }

    /** Returns once {@code condition} holds; fails the test naming {@code what} after {@code bound}. */
    public static void holds(String what, Duration bound, BooleanSupplier condition) {
        long until = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - until > 0) {
                fail(what + " did not hold within " + bound.toMillis() + " ms");
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
