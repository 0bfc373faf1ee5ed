package dev.ecoscan.adapter.http;

import java.time.Duration;
import java.util.Objects;

/** A per-user rate: {@code permits} scans per {@code period}, refilled smoothly. */
public record RateLimit(int permits, Duration period) {

    public RateLimit {
        if (permits < 1) {
            throw new IllegalArgumentException("a rate limit needs at least one permit");
        }
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit's period must be positive");
        }
    }

    /** Reads {@code 60/min}, {@code 5/s} or {@code 1000/h}. */
    public static RateLimit parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a rate limit looks like 60/min, not " + text);
        }
        Duration period = switch (parts[1]) {
            case "s" -> Duration.ofSeconds(1);
            case "min" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            default -> throw new IllegalArgumentException("a rate limit's unit is s, min or h, not " + parts[1]);
        };
        return new RateLimit(Integer.parseInt(parts[0]), period);
    }
}
