package dev.ecoscan.bootstrap.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import org.slf4j.event.Level;

/**
 * A command's own log lines (what the wiring chose, warnings, the drain's progress, errors), as
 * {@link LogLine}s on the command's stderr. They are written to the stream the command was given
 * rather than through SLF4J, whose backend writes to the process's stderr: in the process the two are
 * one stream, and a test that hands a command its own stream reads them there.
 */
public final class CommandLog {

    private final PrintStream err;
    private final String logger;

    public CommandLog(PrintStream err, String logger) {
        this.err = Objects.requireNonNull(err, "err");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    public void info(String message) {
        err.println(LogLine.now(Level.INFO, logger, message).json());
    }

    public void warn(String message) {
        err.println(LogLine.now(Level.WARN, logger, message).json());
    }

    /** An error with its stack trace, which only an unexpected failure needs. */
    public void error(String message, Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        err.println(LogLine.now(Level.ERROR, logger, message)
                .withError(trace.toString())
                .json());
    }

    /** An error the user can act on from its message alone (a bad setting): no stack trace. */
    public void error(String message) {
        err.println(LogLine.now(Level.ERROR, logger, message).json());
    }
}
