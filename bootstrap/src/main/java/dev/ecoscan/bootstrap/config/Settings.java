package dev.ecoscan.bootstrap.config;

import java.util.Map;

/**
 * Every setting, read once at start-up from the environment, then the YAML file {@code ECO_SCAN_CONFIG}
 * names (default {@code ./eco-scan.yaml}, optional), then the defaults, and checked: a misspelt name
 * or a value a setting does not accept stops start-up with a message naming the setting.
 */
public record Settings(
        ProviderSettings provider,
        LlmSettings llm,
        ServiceSettings service,
        LimitSettings limits,
        ImageSettings images,
        JobSettings jobs,
        RewardSettings rewards,
        TraceSettings traces) {

    /** Resolves settings from an environment (usually {@code System.getenv()}) and the file it names. */
    public static Settings from(Map<String, String> environment) {
        return from(SettingValues.read(environment));
    }

    /** Settings with nothing set: every default. */
    public static Settings defaults() {
        return from(SettingValues.none());
    }

    private static Settings from(SettingValues values) {
        ProviderSettings provider = ProviderSettings.from(values);
        ServiceSettings service = ServiceSettings.from(values);
        return new Settings(
                provider,
                LlmSettings.from(values),
                service,
                LimitSettings.from(values, service.dev(), provider.simulated()),
                ImageSettings.from(values),
                JobSettings.from(values),
                RewardSettings.from(values),
                TraceSettings.from(values));
    }

    /**
     * Stops start-up in prod mode when no provider is set: prod never runs the built-in simulator,
     * which reads the item from a PNG text chunk, so that anyone could choose their classification
     * and so every reward. Checked before anything else is wired, so it is the first thing said.
     */
    public void requireProviderUnlessDev() {
        if (service.dev() || !provider.simulated()) {
            return;
        }
        throw new SettingsException("prod mode never runs the built-in LLM simulator, and no model provider is set"
                + (service.modeSet()
                        ? " (ECO_SCAN_MODE=prod)"
                        : " (ECO_SCAN_HOST=" + service.host() + " is not a loopback address, so the mode is prod)")
                + ": set OPENAI_API_KEY, or OPENAI_BASE_URL (and ECO_SCAN_PROVIDER) for an OpenAI-compatible server;"
                + " or, to try eco-scan on this machine only, leave ECO_SCAN_HOST at 127.0.0.1");
    }
}
