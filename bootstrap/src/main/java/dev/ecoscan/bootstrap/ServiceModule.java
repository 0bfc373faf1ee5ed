package dev.ecoscan.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.http.ScanApiServer;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.application.calls.ModelCallFanOut;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.bootstrap.config.ServiceSettings;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.wiring.HttpModule;
import dev.ecoscan.bootstrap.wiring.JobsModule;
import dev.ecoscan.bootstrap.wiring.MetricsModule;
import dev.ecoscan.bootstrap.wiring.SafeUrlImagesModule;
import dev.ecoscan.domain.port.ModelCallRecorder;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * What the service adds to the core: safe URLs only, metrics, the HTTP API and its jobs. Its model
 * calls are counted, and kept only until the scan's log line names the endpoints that served it.
 */
@Module(
        includes = {
            MetricsModule.class,
            SafeUrlImagesModule.class,
            HttpModule.class,
            JobsModule.class,
            HttpApiModule.class
        })
interface ServiceModule {

    @Provides
    @Singleton
    static ModelCallRecorder modelCalls(EcoScanMetrics metrics, ModelCallLog log) {
        return new ModelCallFanOut(metrics, log);
    }

    @Provides
    @Singleton
    static RunningService service(ScanApiServer server, HttpSettings http, ServiceSettings service, Clock clock) {
        return RunningService.of(server, http, service, clock);
    }

    @Provides
    static DrainGrace grace(Settings settings) {
        return DrainGrace.of(settings);
    }
}
