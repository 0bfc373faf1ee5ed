package dev.ecoscan.adapter.metrics;

import static dev.ecoscan.adapter.metrics.ScanFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.scan.Step;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** eco-scan's meters on a registry the embedding application owns. */
class CallersRegistryTest {

    private final SimpleMeterRegistry callers = new SimpleMeterRegistry();

    @Test
    void steps_are_recorded_on_the_callers_registry_without_jvm_meters_of_eco_scans_own() {
        EcoScanMetrics metrics = EcoScanMetrics.on(callers);

        metrics.record(step(Step.VISION, Duration.ofMillis(300)));

        assertThat(callers.find("scan.pipeline.step.duration")
                        .tag("step", "vision")
                        .timer())
                .isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
        assertThat(callers.find("jvm.memory.used").meters()).isEmpty();
        assertThat(metrics.registry()).isSameAs(callers);
    }

    @Test
    void closing_the_metrics_leaves_the_callers_registry_open() {
        EcoScanMetrics.on(callers).close();

        assertThat(callers.isClosed()).isFalse();
    }

    @Test
    void a_registry_that_is_not_prometheus_scrapes_as_an_empty_body() {
        assertThat(EcoScanMetrics.on(callers).scrape(null).body()).isEmpty();
    }
}
