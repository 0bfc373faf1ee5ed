package dev.ecoscan.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.wiring.CoreModule;
import dev.ecoscan.bootstrap.wiring.LlmEndpoint;
import dev.ecoscan.bootstrap.wiring.Notices;
import dev.ecoscan.bootstrap.wiring.Rewards;
import dev.ecoscan.domain.port.JobQueue;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;

/** The service's engine, with the parts tests look at beside the HTTP API. */
@Singleton
@Component(modules = {CoreModule.class, ServiceModule.class})
interface TestServiceComponent extends ServiceComponent {

    ScanWaste scanWaste();

    /** Where the LLM calls go: the built-in simulator's {@code /stats} counts them. */
    LlmEndpoint llmEndpoint();

    Rewards rewards();

    JobQueue jobQueue();

    @Component.Factory
    interface Factory {
        TestServiceComponent create(
                @BindsInstance Settings settings,
                @BindsInstance Clock clock,
                @BindsInstance @Notices PrintStream notices);
    }

    /** An engine whose notices nobody reads. */
    static TestServiceComponent create(Settings settings) {
        return create(settings, new PrintStream(new ByteArrayOutputStream()));
    }

    static TestServiceComponent create(Settings settings, PrintStream notices) {
        return DaggerTestServiceComponent.factory().create(settings, Clock.systemUTC(), notices);
    }
}
