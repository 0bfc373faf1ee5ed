package dev.ecoscan.adapter.metrics;

import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/** Histogram bucket boundaries: dashboards compute their quantiles from these, so they are part of the contract. */
final class Buckets {

    private Buckets() {}

    /**
     * Every 0.1 s from 0.1 s to 60 s inclusive (600 buckets), as the reference system's step and API
     * histograms: its p99 panels are precise to 0.1 s up to the gateway's 60 s timeout.
     */
    static Duration[] everyTenthOfASecondToAMinute() {
        return IntStream.rangeClosed(1, 600)
                .mapToObj(tenths -> Duration.ofMillis(100L * tenths))
                .toArray(Duration[]::new);
    }

    /**
     * 5 ms to 60 s in 13 steps, for every HTTP route but the reference one: health, metrics,
     * categories and job routes answer in milliseconds, so the Prometheus clients' default buckets
     * (5 ms to 10 s, roughly 1-2.5-5 per decade) resolve them; 30 s and 60 s keep slow job routes
     * and the gateway's 60 s timeout inside a finite bucket. 17 lines a series instead of 604.
     */
    static Duration[] coarseRequestDurations() {
        return LongStream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000)
                .mapToObj(Duration::ofMillis)
                .toArray(Duration[]::new);
    }

    /** OpenTelemetry's advised boundaries for {@code gen_ai.client.token.usage}: powers of 4 from 1 to 4^13. */
    static double[] openTelemetryTokenCounts() {
        return LongStream.rangeClosed(0, 13)
                .mapToDouble(power -> Math.pow(4, power))
                .toArray();
    }

    /** OpenTelemetry's advised boundaries for {@code gen_ai.client.operation.duration}: 0.01 s doubling to 81.92 s. */
    static Duration[] openTelemetryOperationDurations() {
        return LongStream.rangeClosed(0, 13)
                .mapToObj(power -> Duration.ofMillis(10L << power))
                .toArray(Duration[]::new);
    }
}
