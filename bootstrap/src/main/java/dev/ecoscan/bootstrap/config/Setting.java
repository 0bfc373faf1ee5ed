package dev.ecoscan.bootstrap.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting eco-scan reads, by the name users and scripts rely on, with its one default. Each is
 * read from the environment, then from the YAML file {@code ECO_SCAN_CONFIG} names (key: the lower-case
 * name without the {@code ECO_SCAN_} prefix), then the default.
 *
 * <p>A literal default ({@link #defaultsTo}) is written as a user would write the value and read by
 * the same {@link Format}, so what {@code --help} and the README show is exactly what the code uses.
 * A default that depends on something else (the heap, the mode, the primary endpoint) is described in
 * words ({@link #defaultIs}) and worked out by the settings record that declares the setting.
 *
 * @param env          the environment variable's name
 * @param meaning      what it sets, in a few words
 * @param format       how its text is read, and what it accepts
 * @param defaultText  the literal default, if it has one
 * @param shownDefault the default as the README and {@code --help} show it (Markdown)
 * @param sensitivity  whether its value must never be printed
 */
public record Setting<T>(
        String env,
        String meaning,
        Format<T> format,
        Optional<String> defaultText,
        String shownDefault,
        Sensitivity sensitivity) {

    /** What must be cut out of every output: the whole value, or the password a URL carries. */
    public enum Sensitivity {
        PLAIN,
        SECRET,
        URL_WITH_PASSWORD
    }

    private static final String PREFIX = "ECO_SCAN_";
    private static final String FILE_SUFFIX = "_FILE";

    public Setting {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(shownDefault, "shownDefault");
        Objects.requireNonNull(sensitivity, "sensitivity");
        if (!env.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("a setting's name is an upper-case variable name: " + env);
        }
        // A default the setting itself would refuse is a bug, found when the class loads.
        if (defaultText.isPresent() && format.read(defaultText.get()).isEmpty()) {
            throw new IllegalArgumentException(
                    env + "'s default '" + defaultText.get() + "' is not " + format.accepts());
        }
    }

    /** A setting with no default ("none"): unset, the code goes without it. */
    static <T> Setting<T> of(String env, String meaning, Format<T> format) {
        return new Setting<>(env, meaning, format, Optional.empty(), "none", Sensitivity.PLAIN);
    }

    /** The same setting with a literal default, written as a user would write the value. */
    Setting<T> defaultsTo(String text) {
        return new Setting<>(env, meaning, format, Optional.of(text), "`" + text + "`", sensitivity);
    }

    /** The same setting with a default that depends on something else, described in Markdown. */
    Setting<T> defaultIs(String description) {
        return new Setting<>(env, meaning, format, defaultText, description, sensitivity);
    }

    Setting<T> secret() {
        return new Setting<>(env, meaning, format, defaultText, shownDefault, Sensitivity.SECRET);
    }

    Setting<T> urlWithPassword() {
        return new Setting<>(env, meaning, format, defaultText, shownDefault, Sensitivity.URL_WITH_PASSWORD);
    }

    /** The key in the YAML file: lower case, without the {@code ECO_SCAN_} prefix. */
    public String yamlKey() {
        String lower = env.toLowerCase(Locale.ROOT);
        return env.startsWith(PREFIX) ? lower.substring(PREFIX.length()) : lower;
    }

    /** The literal default's value. Only settings declared with {@link #defaultsTo} have one. */
    public T defaultValue() {
        String text = defaultText.orElseThrow(() -> new IllegalStateException(env + " has no literal default"));
        return format.read(text).orElseThrow();
    }

    /**
     * The variable naming a file that holds this setting's value ({@code ECO_SCAN_JWT_SECRET_FILE}):
     * every setting whose value is never printed has one, so that a Kubernetes or Docker secret
     * mounted as a file never has to pass through the environment, where {@code /proc/PID/environ}
     * and crash reports show it.
     */
    public Optional<String> fileEnv() {
        return sensitivity == Sensitivity.PLAIN ? Optional.empty() : Optional.of(env + FILE_SUFFIX);
    }

    public boolean isSecret() {
        return sensitivity == Sensitivity.SECRET;
    }
}
