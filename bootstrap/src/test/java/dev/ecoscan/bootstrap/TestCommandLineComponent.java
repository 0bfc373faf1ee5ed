package dev.ecoscan.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.wiring.CommandLineModule;
import dev.ecoscan.bootstrap.wiring.CoreModule;
import dev.ecoscan.bootstrap.wiring.LlmEndpoint;
import dev.ecoscan.bootstrap.wiring.Notices;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;

/** The command line's engine, with where its LLM calls go: the built-in simulator's {@code /stats} counts them. */
@Singleton
@Component(modules = {CoreModule.class, CommandLineModule.class})
public interface TestCommandLineComponent extends CommandLineComponent {

    LlmEndpoint llmEndpoint();

    @Component.Factory
    interface Factory {
        TestCommandLineComponent create(
                @BindsInstance Settings settings,
                @BindsInstance Clock clock,
                @BindsInstance @Notices PrintStream notices);
    }

    /** An engine whose notices nobody reads. */
    static TestCommandLineComponent create(Settings settings) {
        return DaggerTestCommandLineComponent.factory()
                .create(settings, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
    }
}
