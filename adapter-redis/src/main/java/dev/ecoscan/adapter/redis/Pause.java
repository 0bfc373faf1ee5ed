package dev.ecoscan.adapter.redis;

import java.time.Duration;

/** A worker loop's wait between rounds; an interrupt (the worker closing) ends it early and is kept. */
final class Pause {

    private Pause() {}

    static void of(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
