package dev.ecoscan.bootstrap;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Entry point of {@code ./eco-scan}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out, err, Clock.systemUTC()));
    }

    /** Runs one command line and returns its exit code; everything it touches comes in as arguments. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
        return EcoScanCommand.commandLine(new CommandContext(environment, out, err, clock)).execute(args);
    }
}
