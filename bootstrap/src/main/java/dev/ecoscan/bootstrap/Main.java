package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.config.RedactingOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Entry point of {@code ./eco-scan}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // Libraries (HikariCP, Flyway, LangChain4j) log through SLF4J: only their warnings are worth a line.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // One line per log record (JUL's default takes two), for Helidon's logs and the per-scan line.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s %5$s%6$s%n");
        }
        // Everything this process prints, the libraries' logs included, passes through the redaction
        // of configured secrets: set before any logger captures the streams.
        PrintStream out = redacting(System.out);
        PrintStream err = redacting(System.err);
        System.setOut(out);
        System.setErr(err);
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
