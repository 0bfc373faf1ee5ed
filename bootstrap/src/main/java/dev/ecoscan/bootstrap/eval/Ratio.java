package dev.ecoscan.bootstrap.eval;

import java.util.Locale;
import java.util.Optional;

/** Hits out of a total; a share only when there was something to count. */
public record Ratio(long hits, long total) {

    public Ratio {
        if (hits < 0 || total < hits) {
            throw new IllegalArgumentException("a ratio needs 0 <= hits <= total, got " + hits + "/" + total);
        }
    }

    public Optional<Double> share() {
        return total == 0 ? Optional.empty() : Optional.of((double) hits / total);
    }

    /** {@code 91.7% (11/12)}, or {@code n/a} with nothing to count. */
    public String describe() {
        return share().map(share -> String.format(Locale.ROOT, "%.1f%% (%d/%d)", share * 100, hits, total))
                .orElse("n/a");
    }
}
