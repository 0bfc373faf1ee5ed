package dev.ecoscan.bootstrap.eval;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The median and 99th percentile of some durations, by nearest rank. */
public record Latency(Duration p50, Duration p99, int count) {

    public static Latency of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Latency(Duration.ZERO, Duration.ZERO, 0);
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        return new Latency(rank(sorted, 0.50), rank(sorted, 0.99), sorted.size());
    }

    private static Duration rank(List<Duration> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** {@code 3,512 ms / 4,480 ms}. */
    public String describe() {
        return String.format(Locale.ROOT, "%,d ms / %,d ms", p50.toMillis(), p99.toMillis());
    }
}
