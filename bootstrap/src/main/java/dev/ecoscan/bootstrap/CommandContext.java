package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.wiring.EcoScanComponent;
import dev.ecoscan.bootstrap.wiring.Purpose;
import dev.ecoscan.data.KnowledgeBase;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/** What a command may use of the outside world; tests pass their own. */
record CommandContext(Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {

    /** Reads the settings and wires the engine; settings and data errors surface here, at start-up. */
    EcoScanComponent engine() {
        return engine(Purpose.COMMAND_LINE);
    }

    EcoScanComponent engine(Purpose purpose) {
        Settings settings = Settings.from(environment);
        settings.requireProviderUnlessDev();
        return EcoScanComponent.create(settings, clock, err, purpose);
    }

    /** The validated knowledge base, after checking the settings as every command does. */
    KnowledgeBase knowledge() {
        Settings.from(environment);
        return KnowledgeBase.embedded();
    }
}
