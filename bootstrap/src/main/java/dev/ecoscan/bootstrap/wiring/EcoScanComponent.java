package dev.ecoscan.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.JobQueue;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Clock;

/** The assembled engine: settings and a clock in, the scan use case and its knowledge out. */
@Singleton
@Component(
        modules = {
            SettingsModule.class,
            KnowledgeModule.class,
            PortsModule.class,
            PipelineModule.class,
            JobsModule.class
        })
public interface EcoScanComponent {

    ScanWaste scanWaste();

    KnowledgeBase knowledge();

    Settings settings();

    /** What the wiring chose; building it prints the banner lines. */
    Wiring wiring();

    /** Where the LLM adapters send their calls (the built-in simulator by default). */
    LlmEndpoint llmEndpoint();

    /** The model calls of recent scans, for the command line's token report. */
    ModelCallLog modelCalls();

    /** What the wiring started; close it when done. */
    Resources resources();

    /** Metrics (built on first use: the command line never asks). */
    EcoScanMetrics metrics();

    HttpSettings httpSettings();

    Rewards rewards();

    /** Asynchronous scans (the service's job routes), in this process or on Redis. */
    JobQueue jobQueue();

    /** The Redis queue, for {@code eco-scan worker}. */
    RedisJobQueue redisJobs();

    ImageFetchPolicy imagePolicy();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder settings(Settings settings);

        @BindsInstance
        Builder clock(Clock clock);

        /** Where the wiring announces what it chose (stderr outside tests). */
        @BindsInstance
        Builder notices(PrintStream notices);

        @BindsInstance
        Builder purpose(Purpose purpose);

        EcoScanComponent build();
    }

    /** The engine for the command line. */
    static EcoScanComponent create(Settings settings, Clock clock, PrintStream notices) {
        return create(settings, clock, notices, Purpose.COMMAND_LINE);
    }

    static EcoScanComponent create(Settings settings, Clock clock, PrintStream notices, Purpose purpose) {
        return DaggerEcoScanComponent.builder()
                .settings(settings)
                .clock(clock)
                .notices(notices)
                .purpose(purpose)
                .build();
    }
}
