package dev.ecoscan.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test moves it, so deadlines can be crossed without waiting. */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;

    /**
     * A clock standing at {@code start}, in UTC.
     *
     * @param start the time it shows until moved
     */
    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /**
     * A clock standing at the real now.
     *
     * @return the clock
     */
    public static ManualClock startingNow() {
        return new ManualClock(Instant.now());
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far
     */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock stays in UTC");
    }
}
