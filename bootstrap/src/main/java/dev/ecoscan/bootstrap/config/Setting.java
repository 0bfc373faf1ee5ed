package dev.ecoscan.bootstrap.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every setting eco-scan reads, by the names users and scripts rely on. Each is read from the
 * environment, then from the YAML file {@code ECO_SCAN_CONFIG} names (key: the lower-case name
 * without the {@code ECO_SCAN_} prefix), then its default.
 */
public enum Setting {
    OPENAI_API_KEY("key for the OpenAI-compatible provider", "none", "any text", Setting::anything),
    OPENAI_BASE_URL(
            "provider base URL, ending in /v1", "OpenAI's own when a key is set", "an http(s) URL", Setting::httpUrl),
    ECO_SCAN_CONFIG("YAML file with settings", "./eco-scan.yaml (optional)", "a file path", Setting::anything),
    ECO_SCAN_PROVIDER(
            "how the provider is addressed",
            "openai with only a key; openai-compatible with a base URL",
            "openai, azure-openai or openai-compatible",
            oneOf("openai", "azure-openai", "openai-compatible")),
    ECO_SCAN_AZURE_API_VERSION(
            "api-version of Azure OpenAI calls (with ECO_SCAN_PROVIDER=azure-openai)",
            "2024-10-21",
            "an Azure OpenAI API version such as 2024-10-21",
            value -> value.matches("\\d{4}-\\d{2}-\\d{2}(-preview)?")),
    ECO_SCAN_STRUCTURED_OUTPUT(
            "how the provider is asked for JSON",
            "json_schema",
            "json_schema (strict schemas) or json_object (JSON mode, for servers without strict schemas)",
            oneOf("json_schema", "json_object")),
    ECO_SCAN_TOKEN_PARAMETER(
            "name of the output-token cap sent to standard models",
            "max_completion_tokens",
            "max_completion_tokens or max_tokens (reasoning models always get max_completion_tokens)",
            oneOf("max_completion_tokens", "max_tokens")),
    ECO_SCAN_VISION_MODEL("model of the vision step", "gpt-4.1-mini", "a model name", Setting::anything),
    ECO_SCAN_ANSWER_MODEL("model of the answer step", "gpt-4.1-mini", "a model name", Setting::anything),
    ECO_SCAN_ANSWER_STRATEGY(
            "how answers are written", "llm", "llm, template or hybrid", oneOf("llm", "template", "hybrid")),
    ECO_SCAN_VISION_CONNECT_TIMEOUT(
            "connect timeout of vision calls", "5s", "a duration such as 5s", Setting::duration),
    ECO_SCAN_VISION_READ_TIMEOUT("read timeout of one vision call", "20s", "a duration such as 20s", Setting::duration),
    ECO_SCAN_ANSWER_CONNECT_TIMEOUT(
            "connect timeout of answer calls", "5s", "a duration such as 5s", Setting::duration),
    ECO_SCAN_ANSWER_READ_TIMEOUT("read timeout of one answer call", "30s", "a duration such as 30s", Setting::duration),
    ECO_SCAN_LLM_RETRIES(
            "retries of a call answered 429 or 5xx",
            "2",
            "a whole number 0-10",
            value -> value.matches("\\d{1,2}") && Integer.parseInt(value) <= 10),
    ECO_SCAN_TEMPERATURE(
            "sampling temperature of both steps (never sent to reasoning models)",
            "the provider's default (not sent)",
            "a number 0-2",
            Setting::temperature),
    ECO_SCAN_REASONING_EFFORT(
            "reasoning effort, sent to reasoning models (o-series, gpt-5 family) only",
            "not sent",
            "none, minimal, low, medium or high",
            oneOf("none", "minimal", "low", "medium", "high")),
    ECO_SCAN_FALLBACK_BASE_URL("base URL of the fallback endpoint", "none", "an http(s) URL", Setting::httpUrl),
    ECO_SCAN_FALLBACK_API_KEY("key of the fallback endpoint", "none", "any text", Setting::anything),
    ECO_SCAN_FALLBACK_PROVIDER(
            "provider profile of the fallback endpoint",
            "the primary's",
            "openai, azure-openai or openai-compatible",
            oneOf("openai", "azure-openai", "openai-compatible")),
    ECO_SCAN_FALLBACK_VISION_MODEL(
            "vision model at the fallback endpoint", "the primary's", "a model name", Setting::anything),
    ECO_SCAN_FALLBACK_ANSWER_MODEL(
            "answer model at the fallback endpoint", "the primary's", "a model name", Setting::anything),
    ECO_SCAN_VISION_MAX_TOKENS(
            "cap on a vision reply's tokens (reasoning models count their thinking in it)",
            "300",
            "a whole number 16-100000",
            Setting::tokenCap),
    ECO_SCAN_ANSWER_MAX_TOKENS("cap on an answer reply's tokens", "500", "a whole number 16-100000", Setting::tokenCap),
    ECO_SCAN_CACHE("cache of LLM results", "on", "on or off", oneOf("on", "off")),
    ECO_SCAN_CACHE_SIZE("results kept per LLM step's cache", "10000", "a positive whole number", Setting::positiveInt),
    ECO_SCAN_SIMULATOR_SPEED(
            "latency factor of the built-in simulator (0 = instant)", "1", "a number 0-100", Setting::speed),
    ECO_SCAN_SIMULATOR_FAULTS(
            "faults the built-in simulator injects",
            "none",
            "none, or shares like 429=0.1,500=0.05,hang=0.01,malformed=0.05,out_of_taxonomy=0.05",
            Setting::faults),
    ECO_SCAN_MODE(
            "dev or prod behaviour of the service",
            "dev when the listener is loopback, else prod",
            "dev or prod",
            oneOf("dev", "prod")),
    ECO_SCAN_HOST(
            "address the HTTP service (and a worker's /metrics) listens on",
            "127.0.0.1",
            "an IP address or host name",
            Setting::listenAddress),
    ECO_SCAN_SAMPLES_DIR(
            "folder served at /samples/ to loopback clients in dev mode",
            "./samples",
            "a folder path",
            Setting::anything),
    ECO_SCAN_PORT("HTTP port", "8080", "a port number 0-65535 (0: any free port)", Setting::port),
    ECO_SCAN_AUTH("how users are authenticated", "jwt", "jwt or gateway", oneOf("jwt", "gateway")),
    ECO_SCAN_GATEWAY_SECRET(
            "shared secret the gateway sends in x-gateway-secret; required with ECO_SCAN_AUTH=gateway",
            "none",
            "any text of at least 16 characters",
            value -> value.strip().length() >= 16),
    ECO_SCAN_JWT_SECRET(
            "HS256 secret, at least 32 bytes",
            "dev: random per process; prod: required",
            "any text",
            Setting::anything),
    ECO_SCAN_JWT_ISSUER("expected JWT iss", "dev: eco-scan-dev; prod: required", "any text", Setting::anything),
    ECO_SCAN_JWT_AUDIENCE("expected JWT aud", "dev: eco-scan; prod: required", "any text", Setting::anything),
    ECO_SCAN_IMAGE_HOSTS(
            "host allow-list for image_url",
            "empty (dev: loopback only)",
            "comma-separated host names",
            Setting::hostList),
    ECO_SCAN_RATE_LIMIT("per-user scans", "60/min in prod, off in dev", "N/s, N/min, N/h or off", Setting::rateLimit),
    ECO_SCAN_MAX_IN_FLIGHT(
            "bound on scans in flight",
            "sized from the open-file limit",
            "a positive whole number",
            Setting::positiveInt),
    ECO_SCAN_MAX_IMAGE_BYTES_IN_FLIGHT(
            "bound on the bytes of images scans hold at once (encoded and decoded)",
            "a quarter of the maximum heap",
            "a byte size such as 256MB, 64MiB, 1GB or a plain number of bytes",
            Setting::byteSize),
    ECO_SCAN_DEADLINE("per-scan deadline", "55s", "a duration such as 55s, 2m or 1500ms", Setting::duration),
    ECO_SCAN_MAX_CONNECTIONS(
            "bound on open client connections; past it new ones wait in the listen backlog",
            "twice the in-flight bound + 500 (10000 at least), within the open-file limit",
            "a whole number above the in-flight bound",
            Setting::positiveInt),
    ECO_SCAN_IDLE_TIMEOUT(
            "how long a kept-alive connection may wait for its next request; behind a load balancer,"
                    + " longer than the balancer's idle timeout",
            "75s",
            "a duration such as 75s or 5m",
            Setting::duration),
    ECO_SCAN_REQUEST_READ_TIMEOUT(
            "how long a client may take to send a request's headers and body (then 408)",
            "10s",
            "a duration such as 10s or 1500ms",
            Setting::duration),
    ECO_SCAN_SSE_PER_USER(
            "event streams one user may have open at once", "5", "a positive whole number", Setting::positiveInt),
    ECO_SCAN_SSE_MAX(
            "event streams open at once on this instance",
            "the bound on scans in flight",
            "a positive whole number",
            Setting::positiveInt),
    ECO_SCAN_JOB_RETENTION(
            "how long a finished asynchronous scan and its idempotency key are kept",
            "1h",
            "a duration of at least a second, such as 1h or 30m",
            value -> duration(value) && parseDuration(value).toSeconds() >= 1),
    ECO_SCAN_JOB_RETENTION_MAX(
            "finished asynchronous scans kept at most (the oldest are forgotten first)",
            "10000",
            "a positive whole number",
            Setting::positiveInt),
    ECO_SCAN_DATA_DIR("folder of the embedded database", "./data", "a folder path", Setting::anything),
    ECO_SCAN_DB_URL("JDBC URL of a PostgreSQL database", "embedded H2", "a jdbc: URL", Setting::jdbcUrl),
    ECO_SCAN_DB_USER("database user", "none", "any text", Setting::anything),
    ECO_SCAN_DB_PASSWORD("database password", "none", "any text", Setting::anything),
    ECO_SCAN_REWARDS("where rewards are kept", "db", "db or remote", oneOf("db", "remote")),
    ECO_SCAN_CHARACTER_URL("remote character service", "none", "an http(s) URL", Setting::httpUrl),
    ECO_SCAN_SERVICE_TOKEN("bearer token of the character service", "none", "any text", Setting::anything),
    ECO_SCAN_QUEUE("job queue of asynchronous scans", "memory", "memory or redis", oneOf("memory", "redis")),
    ECO_SCAN_REDIS_URL("Redis for the job queue", "none", "a redis:// URL", Setting::redisUrl),
    ECO_SCAN_WORKER_CONCURRENCY(
            "scans one eco-scan worker runs at once", "64", "a positive whole number", Setting::positiveInt),
    ECO_SCAN_WORKER_RECLAIM_AFTER(
            "how long a dead worker's job waits before another worker takes it",
            "30s",
            "a duration such as 30s",
            Setting::duration),
    ECO_SCAN_DRAIN_GRACE(
            "how long SIGTERM lets serve and worker finish their scans before they stop; under"
                    + " Kubernetes, shorter than terminationGracePeriodSeconds",
            "25s",
            "a duration such as 25s or 1m",
            Setting::duration);

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern BYTE_SIZE =
            Pattern.compile("(\\d{1,15})\\s*(|B|KB|MB|GB|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);

    private final String meaning;
    private final String defaultText;
    private final String accepts;
    private final Predicate<String> valid;

    Setting(String meaning, String defaultText, String accepts, Predicate<String> valid) {
        this.meaning = meaning;
        this.defaultText = defaultText;
        this.accepts = accepts;
        this.valid = valid;
    }

    /** The environment variable name. */
    public String env() {
        return name();
    }

    /** The key in the YAML file: lower case, without the {@code ECO_SCAN_} prefix. */
    public String yamlKey() {
        String lower = name().toLowerCase(Locale.ROOT);
        return lower.startsWith("eco_scan_") ? lower.substring("eco_scan_".length()) : lower;
    }

    public String meaning() {
        return meaning;
    }

    public String defaultText() {
        return defaultText;
    }

    public String accepts() {
        return accepts;
    }

    boolean accepts(String value) {
        return valid.test(value);
    }

    /** Secrets are never echoed back in error messages or logs. */
    public boolean isSecret() {
        return this == OPENAI_API_KEY
                || this == ECO_SCAN_FALLBACK_API_KEY
                || this == ECO_SCAN_JWT_SECRET
                || this == ECO_SCAN_DB_PASSWORD
                || this == ECO_SCAN_SERVICE_TOKEN
                || this == ECO_SCAN_GATEWAY_SECRET;
    }

    /** URLs that may carry a password ({@code redis://:secret@host}, {@code jdbc:...?password=}). */
    public boolean mayHoldPassword() {
        return this == ECO_SCAN_REDIS_URL
                || this == ECO_SCAN_DB_URL
                || this == OPENAI_BASE_URL
                || this == ECO_SCAN_FALLBACK_BASE_URL
                || this == ECO_SCAN_CHARACTER_URL;
    }

    public static Optional<Setting> byYamlKey(String key) {
        for (Setting setting : values()) {
            if (setting.yamlKey().equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    static Duration parseDuration(String text) {
        var matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /**
     * A byte size: a plain number of bytes, or one with a unit, SI (KB, MB, GB: powers of 1000) or
     * binary (KiB, MiB, GiB: powers of 1024), in any case.
     */
    static long parseByteSize(String text) {
        var matcher = BYTE_SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a byte size: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> 1000L;
            case "mb" -> 1000L * 1000;
            case "gb" -> 1000L * 1000 * 1000;
            case "kib" -> 1024L;
            case "mib" -> 1024L * 1024;
            case "gib" -> 1024L * 1024 * 1024;
            default -> 1;
        };
        return Math.multiplyExact(amount, unit);
    }

    private static boolean byteSize(String value) {
        try {
            return parseByteSize(value) > 0;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }

    private static Predicate<String> oneOf(String... choices) {
        return value -> List.of(choices).contains(value);
    }

    private static boolean anything(String value) {
        return !value.isBlank();
    }

    private static boolean duration(String value) {
        return DURATION.matcher(value.strip()).matches()
                && !parseDuration(value).isZero();
    }

    private static boolean temperature(String value) {
        return value.matches("\\d(\\.\\d+)?") && Double.parseDouble(value) <= 2;
    }

    private static boolean tokenCap(String value) {
        return value.matches("\\d{2,6}") && Integer.parseInt(value) >= 16 && Integer.parseInt(value) <= 100_000;
    }

    private static boolean speed(String value) {
        return value.matches("\\d{1,3}(\\.\\d+)?") && Double.parseDouble(value) <= 100;
    }

    private static boolean faults(String value) {
        return value.equals("none")
                || Arrays.stream(value.split(","))
                        .map(String::strip)
                        .allMatch(part ->
                                part.matches("(429|500|hang|malformed|out_of_taxonomy)=(0(\\.\\d+)?|1(\\.0+)?)"));
    }

    private static boolean port(String value) {
        return value.matches("\\d{1,5}") && Integer.parseInt(value) <= 65535;
    }

    private static boolean positiveInt(String value) {
        return value.matches("\\d{1,9}") && Integer.parseInt(value) > 0;
    }

    private static boolean rateLimit(String value) {
        return value.equals("off") || value.matches("[1-9]\\d{0,8}/(s|min|h)");
    }

    /** A host name, an IPv4 address or an IPv6 literal (with or without brackets). */
    private static boolean listenAddress(String value) {
        return value.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")
                || value.matches("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");
    }

    private static boolean hostList(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .allMatch(host -> host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?"));
    }

    private static boolean httpUrl(String value) {
        return value.matches("https?://[^\\s/]+(/\\S*)?");
    }

    private static boolean jdbcUrl(String value) {
        return value.startsWith("jdbc:") && value.length() > 5;
    }

    private static boolean redisUrl(String value) {
        return value.matches("rediss?://\\S+");
    }
}
