package dev.ecoscan.adapter.http;

import java.util.concurrent.Semaphore;

/**
 * The bound on scans in flight. Past it a request is refused at once (503), never queued: a queue
 * in front of ten-second scans is what made the reference system answer 504 after minutes.
 */
final class InFlightLimit {

    private final Semaphore permits;
    private final int limit;

    InFlightLimit(int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    boolean tryEnter() {
        return permits.tryAcquire();
    }

    void leave() {
        permits.release();
    }

    int inFlight() {
        return limit - permits.availablePermits();
    }

    int limit() {
        return limit;
    }
}
