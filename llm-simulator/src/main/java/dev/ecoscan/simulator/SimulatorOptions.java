package dev.ecoscan.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's command line, kept apart from {@code main} so that eco-scan's own command line can
 * offer it as {@code ./eco-scan simulator}. Each mistake is an {@link IllegalArgumentException} whose
 * message names the option and what it accepts.
 */
public final class SimulatorOptions {

    /** The port the command line listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8099;

    /** The options, as {@code --help} prints them. */
    public static final String USAGE = """
            Usage: llm-simulator [--port N] [--host ADDRESS] [--speed F] [--seed S] [--faults SPEC]
                                 [--retry-after SECONDS] [--hang DURATION]
            An OpenAI-compatible chat completions server with realistic latency and injected faults.
              --port N              port to listen on, 0 for any free one (default %d)
              --host ADDRESS        address to listen on (default %s, loopback)
              --speed F             latency factor: 0 answers at once, 1 is realistic (default 1)
              --seed S              seed of every random choice, so runs repeat (default %d)
              --faults SPEC         shares of requests that fail, e.g.
                                    429=0.1,500=0.02,hang=0.01,malformed=0.05,out_of_taxonomy=0.05
                                    (default none)
              --retry-after SECONDS what a 429 asks the client to wait (default %d)
              --hang DURATION       how long a hung request stays open, e.g. 120s, 1500ms, 2m (default %ds)
              --help                this text
            """.formatted(
                    DEFAULT_PORT,
                    SimulatorConfig.DEFAULT_HOST,
                    SimulatorConfig.DEFAULT_SEED,
                    SimulatorConfig.DEFAULT_RETRY_AFTER.toSeconds(),
                    SimulatorConfig.DEFAULT_HANG.toSeconds());

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
    private static final List<String> OPTIONS =
            List.of("--port", "--host", "--speed", "--seed", "--faults", "--retry-after", "--hang");

    private SimulatorOptions() {}

    /**
     * Whether the arguments ask for the usage.
     *
     * @param args the command line's arguments
     * @return true for {@code --help} or {@code -h}
     */
    public static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /**
     * The configuration the arguments ask for, on top of the defaults with port {@value #DEFAULT_PORT}.
     *
     * @param args the command line's arguments
     * @return the configuration
     * @throws IllegalArgumentException naming an option that is not valid
     */
    public static SimulatorConfig parse(String[] args) {
        SimulatorConfig config = SimulatorConfig.defaults().withPort(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            } else if (OPTIONS.contains(option)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                value = args[++i];
            } else {
                throw new IllegalArgumentException(
                        "unknown option '" + option + "'; options are " + String.join(", ", OPTIONS) + " and --help");
            }
            config = apply(config, option, value);
        }
        return config;
    }

    private static SimulatorConfig apply(SimulatorConfig config, String option, String value) {
        try {
            return switch (option) {
                case "--port" -> config.withPort(integer(option, value));
                case "--host" -> config.withHost(value);
                case "--speed" -> config.withSpeed(number(option, value));
                case "--seed" -> config.withSeed(longNumber(option, value));
                case "--faults" -> config.withFaultRates(FaultRates.parse(value));
                case "--retry-after" -> config.withRetryAfter(Duration.ofSeconds(integer(option, value)));
                case "--hang" -> config.withHangDuration(duration(option, value));
                default ->
                    throw new IllegalArgumentException("unknown option '" + option + "'; options are "
                            + String.join(", ", OPTIONS) + " and --help");
            };
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(
                    message.startsWith(option) || message.startsWith("unknown option")
                            ? message
                            : option + ": " + message,
                    e);
        }
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    private static long longNumber(String option, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, e.g. 0.5, got '" + value + "'");
        }
    }

    /** {@code 120s}, {@code 1500ms}, {@code 2m}; a bare number is seconds. */
    static Duration duration(String option, String value) {
        Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    option + " needs a duration such as 120s, 1500ms or 2m, got '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
