package dev.ecoscan.bootstrap.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The resolved settings: environment first, then the YAML file, then defaults. Every value is
 * checked at start-up, and so is every name, so a typo stops eco-scan instead of being ignored.
 */
public final class Settings {

    private static final String ENV_PREFIX = "ECO_SCAN_";
    private static final Path DEFAULT_FILE = Path.of("eco-scan.yaml");

    /** The YAML-only key of the provider chain: a list, which no environment variable could hold. */
    public static final String LLM_CHAIN = "llm_chain";
    /** The keys an {@code llm_chain} entry may have. */
    public static final List<String> CHAIN_KEYS = List.of(
            "name",
            "provider",
            "base_url",
            "api_key",
            "vision_model",
            "answer_model",
            "azure_api_version",
            "structured_output",
            "token_parameter");

    private final Map<Setting, String> values;
    private final Map<Setting, String> sources;
    private final List<Map<String, String>> chain;

    private Settings(Map<Setting, String> values, Map<Setting, String> sources, List<Map<String, String>> chain) {
        this.values = values;
        this.sources = sources;
        this.chain = List.copyOf(chain);
    }

    /** Resolves settings from an environment (usually {@code System.getenv()}) and the file it names. */
    public static Settings from(Map<String, String> environment) {
        for (String name : environment.keySet()) {
            if (name.startsWith(ENV_PREFIX)
                    && Arrays.stream(Setting.values()).noneMatch(s -> s.env().equals(name))) {
                throw new SettingsException(name + " is not a setting eco-scan knows; known settings: " + knownNames());
            }
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> sources = new EnumMap<>(Setting.class);
        List<Map<String, String>> chain = new ArrayList<>();
        String explicitFile = blankToNull(environment.get(Setting.ECO_SCAN_CONFIG.env()));
        Path file = explicitFile != null ? Path.of(explicitFile) : DEFAULT_FILE;
        if (explicitFile != null || Files.exists(file)) {
            readFile(file, chain).forEach((setting, value) -> {
                values.put(setting, value);
                sources.put(setting, file.toString());
            });
        }
        for (Setting setting : Setting.values()) {
            String value = blankToNull(environment.get(setting.env()));
            if (value != null) {
                values.put(setting, value.strip());
                sources.put(setting, "the environment");
            }
        }
        values.forEach((setting, value) -> {
            if (!setting.accepts(value)) {
                throw new SettingsException(setting.env() + " (from " + sources.get(setting) + ") is '"
                        + (setting.isSecret() ? "…" : value)
                        + "', but it accepts " + setting.accepts());
            }
        });
        values.forEach((setting, value) -> {
            if (setting.isSecret()) {
                Secrets.register(value);
            } else if (setting.mayHoldPassword()) {
                Secrets.registerUrlPassword(value);
            }
        });
        chain.forEach(entry -> Secrets.register(entry.get("api_key")));
        return new Settings(values, sources, chain);
    }

    /** Settings with nothing set: every default. */
    public static Settings defaults() {
        return new Settings(new EnumMap<>(Setting.class), new EnumMap<>(Setting.class), List.of());
    }

    /** The {@code llm_chain} entries of the YAML file, in order, each with keys from {@link #CHAIN_KEYS}. */
    public List<Map<String, String>> llmChain() {
        return chain;
    }

    public Optional<String> value(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    /** How long one scan may take before it ends as failed with a deadline error. */
    public Duration deadline() {
        return duration(Setting.ECO_SCAN_DEADLINE, Duration.ofSeconds(55));
    }

    /** A duration setting (validated at start-up), or its default. */
    public Duration duration(Setting setting, Duration otherwise) {
        return value(setting).map(Setting::parseDuration).orElse(otherwise);
    }

    /** A whole-number setting (validated at start-up), or its default. */
    public int integer(Setting setting, int otherwise) {
        return value(setting).map(Integer::parseInt).orElse(otherwise);
    }

    /** A byte-size setting (validated at start-up), or its default. */
    public long byteSize(Setting setting, long otherwise) {
        return value(setting).map(Setting::parseByteSize).orElse(otherwise);
    }

    /** A decimal setting (validated at start-up), if given. */
    public Optional<Double> decimal(Setting setting) {
        return value(setting).map(Double::parseDouble);
    }

    public String text(Setting setting, String otherwise) {
        return value(setting).orElse(otherwise);
    }

    /**
     * {@code dev} or {@code prod}. Unset, the listener decides: dev on a loopback address, which only
     * this machine reaches, and prod on any other, so a public listener never boots as a demo by
     * accident. Dev on a public listener must be asked for ({@code ECO_SCAN_MODE=dev}).
     */
    public boolean devMode() {
        return value(Setting.ECO_SCAN_MODE).map("dev"::equals).orElse(loopbackListener());
    }

    /** The address the service (and a worker's {@code /metrics}) listens on: loopback unless chosen. */
    public String host() {
        return text(Setting.ECO_SCAN_HOST, "127.0.0.1");
    }

    /** True when the listener is a loopback address: 127.0.0.0/8, {@code ::1} or {@code localhost}. */
    public boolean loopbackListener() {
        String host = host().strip().toLowerCase(java.util.Locale.ROOT);
        return host.equals("localhost")
                || host.equals("::1")
                || host.equals("[::1]")
                || host.matches("127(\\.\\d{1,3}){3}");
    }

    /** True when a real provider is configured; otherwise the built-in simulator stands in. */
    public boolean providerConfigured() {
        return value(Setting.OPENAI_API_KEY).isPresent()
                || value(Setting.OPENAI_BASE_URL).isPresent();
    }

    /**
     * Stops start-up in prod mode when no provider is set: prod never runs the built-in simulator,
     * which reads the item from a PNG text chunk, so that anyone could choose their classification
     * and so every reward. Checked before anything else is wired, so it is the first thing said.
     */
    public void requireProviderUnlessDev() {
        if (devMode() || providerConfigured()) {
            return;
        }
        throw new SettingsException("prod mode never runs the built-in LLM simulator, and no model provider is set"
                + (value(Setting.ECO_SCAN_MODE).isPresent()
                        ? " (ECO_SCAN_MODE=prod)"
                        : " (ECO_SCAN_HOST=" + host() + " is not a loopback address, so the mode is prod)")
                + ": set OPENAI_API_KEY, or OPENAI_BASE_URL (and ECO_SCAN_PROVIDER) for an OpenAI-compatible server;"
                + " or, to try eco-scan on this machine only, leave ECO_SCAN_HOST at 127.0.0.1");
    }

    /** {@code llm}, {@code template} or {@code hybrid}. */
    public String answerStrategy() {
        return value(Setting.ECO_SCAN_ANSWER_STRATEGY).orElse("llm");
    }

    private static Map<Setting, String> readFile(Path file, List<Map<String, String>> chain) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException e) {
            throw new SettingsException(
                    "ECO_SCAN_CONFIG names " + file + ", which cannot be read: " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new SettingsException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new SettingsException(file + " must be a mapping of setting keys to values");
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        map.forEach((key, value) -> {
            if (LLM_CHAIN.equals(key)) {
                chain.addAll(chainEntries(file, value));
                return;
            }
            Setting setting = Setting.byYamlKey(String.valueOf(key))
                    .orElseThrow(() ->
                            new SettingsException(file + ": '" + key + "' is not a setting eco-scan knows; known keys: "
                                    + Arrays.stream(Setting.values())
                                            .map(Setting::yamlKey)
                                            .collect(Collectors.joining(", "))));
            if (setting == Setting.ECO_SCAN_CONFIG) {
                throw new SettingsException(file + ": 'config' can only be set in the environment");
            }
            if (value == null || value instanceof Map || value instanceof List) {
                throw new SettingsException(
                        file + ": '" + key + "' needs a single value; it accepts " + setting.accepts());
            }
            values.put(setting, String.valueOf(value).strip());
        });
        return values;
    }

    private static List<Map<String, String>> chainEntries(Path file, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new SettingsException(file + ": '" + LLM_CHAIN + "' needs a list of endpoints, each a mapping with "
                    + String.join(", ", CHAIN_KEYS));
        }
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": " + LLM_CHAIN + "[" + (i + 1) + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new SettingsException(where + " must be a mapping with " + String.join(", ", CHAIN_KEYS));
            }
            Map<String, String> clean = new LinkedHashMap<>();
            entry.forEach((k, v) -> {
                if (!CHAIN_KEYS.contains(String.valueOf(k))) {
                    throw new SettingsException(where + ": '" + k + "' is not a key of a chain entry; known keys: "
                            + String.join(", ", CHAIN_KEYS));
                }
                if (v == null || v instanceof Map || v instanceof List) {
                    throw new SettingsException(where + ": '" + k + "' needs a single value");
                }
                clean.put(String.valueOf(k), String.valueOf(v).strip());
            });
            if (!clean.containsKey("base_url")) {
                throw new SettingsException(where + " needs a base_url");
            }
            entries.add(clean);
        }
        return entries;
    }

    private static String knownNames() {
        return Arrays.stream(Setting.values()).map(Setting::env).collect(Collectors.joining(", "));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
