package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.config.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * How long SIGTERM lets {@code serve} and {@code worker} finish ({@code ECO_SCAN_DRAIN_GRACE}), and
 * the part of it the scans may have. The reserve, the
 * last fifth and at most {@link #MAX_RESERVE}, is for what follows the scans: answering those that
 * were cut, a last poll of the jobs' results, stopping the server and closing the resources.
 *
 * @param total the whole drain, from the signal to the closed resources
 */
record DrainGrace(Duration total) {

    static final Duration MAX_RESERVE = Duration.ofSeconds(2);

    DrainGrace {
        Objects.requireNonNull(total, "total");
        if (total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("the drain grace must be positive: " + total);
        }
    }

    static DrainGrace of(Settings settings) {
        return new DrainGrace(settings.jobs().drainGrace());
    }

    /** How long the scans and jobs in hand may run on after the signal. */
    Duration forWork() {
        return total.minus(reserve());
    }

    Duration reserve() {
        Duration fifth = total.dividedBy(5);
        return fifth.compareTo(MAX_RESERVE) < 0 ? fifth : MAX_RESERVE;
    }
}
