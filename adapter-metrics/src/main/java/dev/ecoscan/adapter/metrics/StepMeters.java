package dev.ecoscan.adapter.metrics;

import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Pipeline step durations and counts, under the reference system's names, and image loads beside them. */
final class StepMeters {

    /** Scraped as {@code scan_pipeline_step_duration_seconds_bucket|_count|_sum|_max}. */
    static final String DURATION = "scan.pipeline.step.duration";
    /** Scraped as {@code scan_pipeline_steps_total}. */
    static final String COUNT = "scan.pipeline.steps";

    /** Scraped as {@code scan_image_load_duration_seconds_count|_sum|_max}: not a reference step, so a name of its own. */
    static final String IMAGE_LOAD = "scan.image.load.duration";

    private record StepAndStatus(Step step, StepStatus status) {}

    private final MeterCache<Step, Timer> durations;
    private final MeterCache<StepAndStatus, Counter> counts;
    private final MeterCache<StepStatus, Timer> imageLoads;

    StepMeters(MeterRegistry registry) {
        // Only the step tag on the histogram: the reference dashboards sum by (le, step), and a
        // status tag would split every one of its 600 buckets again.
        durations = new MeterCache<>(step -> Timer.builder(DURATION)
                .description("Time one pipeline step took, failures included")
                .tag("step", step.label())
                .serviceLevelObjectives(Buckets.everyTenthOfASecondToAMinute())
                .register(registry));
        counts = new MeterCache<>(key -> Counter.builder(COUNT)
                .description("Pipeline steps executed, by how they ended")
                .tag("step", key.step().label())
                .tag("status", key.status().label())
                .register(registry));
        imageLoads = new MeterCache<>(status -> Timer.builder(IMAGE_LOAD)
                .description("Time loading a scan's image took before its vision step, by how it ended")
                .tag("status", status.label())
                .register(registry));
    }

    void record(StepEvent event) {
        durations.get(event.step()).record(event.duration());
        counts.get(new StepAndStatus(event.step(), event.status())).increment();
    }

    void record(ImageLoadEvent event) {
        imageLoads.get(event.status()).record(event.duration());
    }
}
