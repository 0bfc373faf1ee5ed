package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import jakarta.inject.Singleton;

/** Micrometer with the Prometheus registry, closed with the engine. */
@Module
interface MetricsModule {

    @Provides
    @Singleton
    static EcoScanMetrics metrics(Resources resources) {
        return resources.register(EcoScanMetrics.create());
    }
}
