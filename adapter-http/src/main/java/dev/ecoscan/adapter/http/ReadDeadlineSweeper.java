package dev.ecoscan.adapter.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expires the requests whose read time ran out. Helidon's idle check cannot: it interrupts a
 * connection only while it waits for a request line.
 */
final class ReadDeadlineSweeper {

    /** How often the sweeper looks; a deadline is kept to within this. */
    private static final Duration SWEEP = Duration.ofMillis(100);

    private final Set<RequestReading> pending = ConcurrentHashMap.newKeySet();
    private volatile Thread sweeper;

    void watch(RequestReading reading) {
        pending.add(reading);
    }

    void forget(RequestReading reading) {
        pending.remove(reading);
    }

    void start() {
        sweeper = Thread.ofVirtual().name("eco-scan-read-deadlines").start(this::sweep);
    }

    void stop() {
        Thread thread = sweeper;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void sweep() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(SWEEP);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (RequestReading reading : pending) {
                if (reading.isPastDeadline(now)) {
                    pending.remove(reading);
                    // Its own thread: a write to a client that reads nothing must not hold up the sweep.
                    Thread.startVirtualThread(reading::expire);
                }
            }
        }
    }
}
