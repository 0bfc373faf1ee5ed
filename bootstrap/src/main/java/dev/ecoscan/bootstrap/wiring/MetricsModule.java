package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.inject.Singleton;

/** Micrometer with the Prometheus registry (and the breakers' and retries' metrics), closed with the engine. */
@Module
interface MetricsModule {

    @Provides
    @Singleton
    static EcoScanMetrics metrics(Resources resources, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        EcoScanMetrics metrics = resources.register(EcoScanMetrics.create());
        metrics.bindResilience(breakers, retries);
        return metrics;
    }
}
