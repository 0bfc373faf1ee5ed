package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.logging.CommandLog;
import dev.ecoscan.data.KnowledgeBase;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/** What a command may use of the outside world; tests pass their own. */
record CommandContext(Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {

    /** The settings of a command that scans: settings errors surface here, at start-up. */
    Settings settings() {
        Settings settings = Settings.from(environment);
        settings.requireProviderUnlessDev();
        return settings;
    }

    /** The command's own log lines (JSON, like every line on stderr), under eco-scan's main logger. */
    CommandLog log() {
        return new CommandLog(err, "eco-scan");
    }

    /** The validated knowledge base, after checking the settings as every command does. */
    KnowledgeBase knowledge() {
        Settings.from(environment);
        return KnowledgeBase.embedded();
    }
}
