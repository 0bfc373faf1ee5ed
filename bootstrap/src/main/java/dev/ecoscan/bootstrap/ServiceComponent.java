package dev.ecoscan.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.wiring.CoreModule;
import dev.ecoscan.bootstrap.wiring.Notices;
import dev.ecoscan.bootstrap.wiring.Resources;
import dev.ecoscan.bootstrap.wiring.Wiring;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Clock;

/** The engine of {@code eco-scan serve} (and {@code bench}): safe URLs only, metrics, the HTTP API and jobs. */
@Singleton
@Component(modules = {CoreModule.class, ServiceModule.class})
interface ServiceComponent {

    /** What the wiring chose; announce it before the server starts. */
    Wiring wiring();

    /** The HTTP service, started on first use, with its banner. */
    RunningService service();

    /** The stop SIGTERM runs. */
    ServiceDrain drain();

    /** What the wiring started; close it when done (the drain does). */
    Resources resources();

    @Component.Factory
    interface Factory {
        ServiceComponent create(
                @BindsInstance Settings settings,
                @BindsInstance Clock clock,
                @BindsInstance @Notices PrintStream notices);
    }

    static ServiceComponent create(Settings settings, Clock clock, PrintStream notices) {
        return DaggerServiceComponent.factory().create(settings, clock, notices);
    }
}
