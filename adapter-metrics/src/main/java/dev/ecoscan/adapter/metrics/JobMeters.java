package dev.ecoscan.adapter.metrics;

import dev.ecoscan.domain.scan.ScanOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Asynchronous scans: how long they waited in the queue, how they ended, how many were redelivered. */
final class JobMeters {

    private final Timer wait;
    private final MeterCache<String, Counter> finished;
    private final Counter redelivered;

    JobMeters(MeterRegistry registry) {
        // Scraped as scan_job_wait_seconds{_bucket,_count,_sum}: the 0.1 s grid, like the steps.
        wait = Timer.builder("scan.job.wait")
                .description("Time from a job's submission until a worker started it")
                .serviceLevelObjectives(Buckets.everyTenthOfASecondToAMinute())
                .register(registry);
        finished = new MeterCache<>(outcome -> Counter.builder("scan.jobs")
                .description("Asynchronous scans finished, by outcome")
                .tag("outcome", outcome)
                .register(registry));
        redelivered = Counter.builder("scan.jobs.redelivered")
                .description("Jobs handed to another worker after theirs stopped answering")
                .register(registry);
    }

    void started(Duration waited) {
        wait.record(waited.isNegative() ? Duration.ZERO : waited);
    }

    void finished(ScanOutcome outcome) {
        finished.get(
                        switch (outcome) {
                            case ScanOutcome.Completed completed -> "completed";
                            case ScanOutcome.Rejected rejected -> "rejected";
                            case ScanOutcome.Failed failed -> "failed";
                        })
                .increment();
    }

    void redelivered() {
        redelivered.increment();
    }
}
