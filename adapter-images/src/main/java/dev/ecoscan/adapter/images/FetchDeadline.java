package dev.ecoscan.adapter.images;

import java.time.Duration;

/** When a whole fetch, DNS and every redirect included, must be done (on the monotonic clock). */
record FetchDeadline(long nanoTime) {

    static FetchDeadline after(Duration total) {
        return new FetchDeadline(System.nanoTime() + total.toNanos());
    }

    /** The time left, never below 1 ns: a wait of 0 would mean "forever" to some APIs. */
    long remainingNanos() {
        return Math.max(1, nanoTime - System.nanoTime());
    }
}
