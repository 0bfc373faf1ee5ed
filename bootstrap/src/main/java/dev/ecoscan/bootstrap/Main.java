package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.config.RedactingOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of {@code ./eco-scan}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // Everything this process prints, the libraries' logs included, passes through the redaction
        // of configured secrets: set before any logger captures the streams.
        PrintStream out = redacting(System.out);
        PrintStream err = redacting(System.err);
        System.setOut(out);
        System.setErr(err);
        // Logback (logback.xml) writes every log line as JSON to stderr. Libraries on System.Logger reach
        // it through slf4j-jdk-platform-logging on its own; those on java.util.logging, through this bridge.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(args, System.getenv(), out, err, Clock.systemUTC()));
    }

    /** Runs one command line and returns its exit code; everything it touches comes in as arguments. */
    public static int run(
            String[] args, Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
        RedactingOutputStream cleanOut = new RedactingOutputStream(out);
        RedactingOutputStream cleanErr = new RedactingOutputStream(err);
        try {
            return EcoScanCommand.commandLine(
                            new CommandContext(environment, printing(cleanOut), printing(cleanErr), clock))
                    .execute(args);
        } finally {
            drain(cleanOut);
            drain(cleanErr);
        }
    }

    private static PrintStream redacting(PrintStream stream) {
        return printing(new RedactingOutputStream(stream));
    }

    private static PrintStream printing(RedactingOutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    /** A last line without a line end still gets out. */
    private static void drain(RedactingOutputStream stream) {
        try {
            stream.drain();
        } catch (IOException ignored) {
            // The stream is gone: there is nobody left to tell.
        }
    }
}
