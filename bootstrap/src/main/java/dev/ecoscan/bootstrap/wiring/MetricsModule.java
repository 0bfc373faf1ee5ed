package dev.ecoscan.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.StepRecorder;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.inject.Singleton;

/**
 * Micrometer with the Prometheus registry (and the breakers' and retries' metrics, and the image
 * budget's gauges), closed with the engine; every step event of every scan goes to it.
 */
@Module
public interface MetricsModule {

    @Binds
    StepRecorder stepListeners(EcoScanMetrics metrics);

    @Provides
    @Singleton
    static EcoScanMetrics metrics(
            Resources resources, CircuitBreakerRegistry breakers, RetryRegistry retries, ImageBudget images) {
        EcoScanMetrics metrics = resources.register(EcoScanMetrics.create());
        metrics.bindResilience(breakers, retries);
        metrics.gauge("image_bytes_in_flight", "bytes of images scans hold now, of image_bytes_budget", images::inUse);
        metrics.gauge("image_bytes_budget", "the bound on image bytes in flight", images::capacity);
        return metrics;
    }
}
