package dev.ecoscan.adapter.metrics;

import dev.ecoscan.domain.scan.ScanOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Finished scans by outcome, and the rewards completed scans earned. */
final class ScanMeters {

    /** Scraped as {@code scans_total}. */
    static final String SCANS = "scans";
    /** Scraped as {@code scan_rewards_total}. */
    static final String REWARDS = "scan.rewards";

    private final MeterCache<ScanLabels, Counter> scans;
    private final MeterCache<String, Counter> rewards;

    ScanMeters(MeterRegistry registry) {
        scans = new MeterCache<>(labels -> Counter.builder(SCANS)
                .description("Scans finished, by outcome and reason")
                .tag("outcome", labels.outcome())
                .tag("reason", labels.reason())
                .register(registry));
        rewards = new MeterCache<>(kind -> Counter.builder(REWARDS)
                .description("Completed scans by what the reward step decided")
                .tag("reward", kind)
                .register(registry));
    }

    void record(ScanOutcome outcome) {
        ScanLabels labels = ScanLabels.of(outcome);
        scans.get(labels).increment();
        labels.reward().ifPresent(kind -> rewards.get(kind).increment());
    }
}
