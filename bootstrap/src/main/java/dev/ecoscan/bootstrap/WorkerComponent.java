package dev.ecoscan.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.ecoscan.adapter.redis.RedisJobWorker;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.wiring.CoreModule;
import dev.ecoscan.bootstrap.wiring.Notices;
import dev.ecoscan.bootstrap.wiring.Resources;
import dev.ecoscan.bootstrap.wiring.Rewards;
import dev.ecoscan.bootstrap.wiring.Wiring;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Clock;

/** The engine of {@code eco-scan worker}: safe URLs only, metrics, and the Redis worker. */
@Singleton
@Component(modules = {CoreModule.class, WorkerModule.class})
interface WorkerComponent {

    /** What the wiring chose; announce it before the worker starts. */
    Wiring wiring();

    /** The worker, not yet started. */
    RedisJobWorker worker();

    /** Serves the worker's metrics; starts listening on first use. */
    WorkerMetricsEndpoint metricsEndpoint();

    /** Where the worker grants rewards, for its start-up line. */
    Rewards rewards();

    /** What the wiring started; close it when done. */
    Resources resources();

    @Component.Factory
    interface Factory {
        WorkerComponent create(
                @BindsInstance Settings settings,
                @BindsInstance Clock clock,
                @BindsInstance @Notices PrintStream notices);
    }

    static WorkerComponent create(Settings settings, Clock clock, PrintStream notices) {
        return DaggerWorkerComponent.factory().create(settings, clock, notices);
    }
}
