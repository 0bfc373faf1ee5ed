package dev.ecoscan.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs eco-scan's command line in this JVM, on embedded defaults, and keeps what it printed. */
final class CommandLineRun {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Embedded defaults in {@code dataDir}, with the simulator answering at once, plus {@code extra} name/value pairs. */
    static Map<String, String> settings(Path dataDir, String... extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "ECO_SCAN_SIMULATOR_SPEED",
                "0",
                "ECO_SCAN_DATA_DIR",
                dataDir.toString()));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    int run(Map<String, String> env, String... args) {
        return Main.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
