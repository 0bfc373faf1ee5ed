package dev.ecoscan.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.data.KnowledgeBase;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Clock;

/** The assembled engine: settings and a clock in, the scan use case and its knowledge out. */
@Singleton
@Component(modules = {KnowledgeModule.class, PortsModule.class, PipelineModule.class})
public interface EcoScanComponent {

    ScanWaste scanWaste();

    KnowledgeBase knowledge();

    Settings settings();

    /** What the wiring chose, for the start-up banner. */
    Wiring wiring();

    /** Where the LLM adapters send their calls (the built-in simulator by default). */
    LlmEndpoint llmEndpoint();

    /** The model calls of recent scans, for the command line's token report. */
    ModelCallLog modelCalls();

    /** What the wiring started; close it when done. */
    Resources resources();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder settings(Settings settings);

        @BindsInstance
        Builder clock(Clock clock);

        /** Where the wiring announces what it chose (stderr outside tests). */
        @BindsInstance
        Builder notices(PrintStream notices);

        EcoScanComponent build();
    }

    static EcoScanComponent create(Settings settings, Clock clock, PrintStream notices) {
        return DaggerEcoScanComponent.builder().settings(settings).clock(clock).notices(notices).build();
    }
}
