package dev.ecoscan.bootstrap.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every setting eco-scan reads, in the order the README and {@code --help} list them. Each is declared,
 * with its one default, in the settings record that reads it.
 */
public final class SettingCatalogue {

    static final Setting<Path> CONFIG = Setting.of("ECO_SCAN_CONFIG", "YAML file with settings", Formats.PATH)
            .defaultIs("`./eco-scan.yaml` (optional)");

    /** Every setting, the environment's name of each unique. */
    public static final List<Setting<?>> ALL = List.of(
            ProviderSettings.API_KEY,
            ProviderSettings.BASE_URL,
            CONFIG,
            ProviderSettings.PROVIDER,
            ProviderSettings.AZURE_API_VERSION,
            ProviderSettings.STRUCTURED_OUTPUT,
            ProviderSettings.TOKEN_PARAMETER,
            ProviderSettings.VISION_MODEL,
            ProviderSettings.ANSWER_MODEL,
            LlmSettings.ANSWER_STRATEGY,
            LlmSettings.VISION_CONNECT_TIMEOUT,
            LlmSettings.VISION_READ_TIMEOUT,
            LlmSettings.ANSWER_CONNECT_TIMEOUT,
            LlmSettings.ANSWER_READ_TIMEOUT,
            LlmSettings.RETRIES,
            LlmSettings.TEMPERATURE,
            LlmSettings.REASONING_EFFORT,
            LlmSettings.VISION_MAX_TOKENS,
            LlmSettings.ANSWER_MAX_TOKENS,
            FallbackSettings.BASE_URL,
            FallbackSettings.API_KEY,
            FallbackSettings.PROVIDER,
            FallbackSettings.VISION_MODEL,
            FallbackSettings.ANSWER_MODEL,
            LlmSettings.CACHE,
            LlmSettings.CACHE_SIZE,
            LlmSettings.SIMULATOR_SPEED,
            LlmSettings.SIMULATOR_FAULTS,
            ServiceSettings.MODE,
            ServiceSettings.HOST,
            ServiceSettings.PORT,
            ServiceSettings.SAMPLES_DIR,
            ServiceSettings.AUTH,
            ServiceSettings.GATEWAY_SECRET,
            ServiceSettings.JWT_SECRET,
            ServiceSettings.JWT_ISSUER,
            ServiceSettings.JWT_AUDIENCE,
            ImageSettings.HOSTS,
            LimitSettings.RATE_LIMIT,
            LimitSettings.MAX_IN_FLIGHT,
            ImageSettings.MAX_BYTES_IN_FLIGHT,
            LimitSettings.DEADLINE,
            LimitSettings.MAX_CONNECTIONS,
            LimitSettings.IDLE_TIMEOUT,
            LimitSettings.REQUEST_READ_TIMEOUT,
            LimitSettings.SSE_PER_USER,
            LimitSettings.SSE_MAX,
            JobSettings.RETENTION,
            JobSettings.RETENTION_MAX,
            RewardSettings.DATA_DIR,
            RewardSettings.DB_URL,
            RewardSettings.DB_USER,
            RewardSettings.DB_PASSWORD,
            RewardSettings.REWARDS,
            RewardSettings.CHARACTER_URL,
            RewardSettings.SERVICE_TOKEN,
            JobSettings.QUEUE,
            JobSettings.REDIS_URL,
            JobSettings.WORKER_CONCURRENCY,
            JobSettings.WORKER_RECLAIM_AFTER,
            JobSettings.DRAIN_GRACE,
            TraceSettings.TRACES);

    private SettingCatalogue() {}

    static Optional<Setting<?>> byEnv(String name) {
        return ALL.stream().filter(s -> s.env().equals(name)).findFirst();
    }

    static Optional<Setting<?>> byYamlKey(String key) {
        return ALL.stream().filter(s -> s.yamlKey().equals(key)).findFirst();
    }

    /** The secret setting whose {@code NAME_FILE} variant this name is. */
    static Optional<Setting<?>> byFileEnv(String name) {
        return ALL.stream()
                .filter(s -> s.fileEnv().filter(name::equals).isPresent())
                .findFirst();
    }

    /** The {@code NAME_FILE} variants, in the catalogue's order. */
    public static List<String> fileEnvs() {
        return ALL.stream().flatMap(s -> s.fileEnv().stream()).toList();
    }

    static String fileNames() {
        return String.join(", ", fileEnvs());
    }

    static String names() {
        return ALL.stream().map(Setting::env).collect(Collectors.joining(", "));
    }

    static String yamlKeys() {
        return ALL.stream().map(Setting::yamlKey).collect(Collectors.joining(", "));
    }

    /** The README's settings table: a row per setting, with its meaning and its default. */
    public static String markdownTable() {
        return ALL.stream()
                .map(s -> "| `" + s.env() + "` | " + s.meaning() + " | " + s.shownDefault() + " |")
                .collect(Collectors.joining("\n", "| variable | meaning | default |\n|---|---|---|\n", "\n"));
    }

    /** The settings as {@code --help} lists them: each name with its default. */
    public static String helpText() {
        return ALL.stream()
                .map(s -> String.format("  %-36s default: %s", s.env(), plain(s.shownDefault())))
                .collect(Collectors.joining(
                        "%n",
                        "%nSettings (the environment first, then the YAML file ECO_SCAN_CONFIG names, then the"
                                + " default; the README says what each means):%n",
                        "%nSecret settings may instead be given as NAME_FILE, the path of a file holding the"
                                + " value: " + fileNames() + "%n"));
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
    }
}
