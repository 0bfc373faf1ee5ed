package dev.ecoscan.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.wiring.CommandLineModule;
import dev.ecoscan.bootstrap.wiring.CoreModule;
import dev.ecoscan.bootstrap.wiring.Notices;
import dev.ecoscan.bootstrap.wiring.Resources;
import dev.ecoscan.bootstrap.wiring.Wiring;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Clock;

/** The engine of {@code eco-scan scan}: local images, each scan's model calls kept for its token report, no metrics. */
@Singleton
@Component(modules = {CoreModule.class, CommandLineModule.class})
public interface CommandLineComponent {

    /** What the wiring chose; announce it before the first scan. */
    Wiring wiring();

    ScanWaste scanWaste();

    /** The model calls of recent scans, for the token report. */
    ModelCallLog modelCalls();

    /** What the wiring started; close it when done. */
    Resources resources();

    @Component.Factory
    interface Factory {
        CommandLineComponent create(
                @BindsInstance Settings settings,
                @BindsInstance Clock clock,
                @BindsInstance @Notices PrintStream notices);
    }

    static CommandLineComponent create(Settings settings, Clock clock, PrintStream notices) {
        return DaggerCommandLineComponent.factory().create(settings, clock, notices);
    }
}
