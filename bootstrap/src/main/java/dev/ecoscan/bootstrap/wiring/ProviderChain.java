package dev.ecoscan.bootstrap.wiring;

import dev.ecoscan.adapter.openai.Provider;
import dev.ecoscan.adapter.openai.ProviderEndpoint;
import dev.ecoscan.adapter.openai.StructuredOutput;
import dev.ecoscan.adapter.openai.TokenParameter;
import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider endpoints in the order a step tries them: the primary ({@code OPENAI_*} and
 * {@code ECO_SCAN_PROVIDER}, or the built-in simulator), the one fallback of the environment
 * ({@code ECO_SCAN_FALLBACK_*}, whose provider and models default to the primary's), then each
 * entry of the YAML file's {@code llm_chain}.
 */
final class ProviderChain {

    static final String DEFAULT_MODEL = "gpt-4.1-mini";
    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";
    /** Local OpenAI-compatible servers usually want no key, but the client sends one. */
    static final String NO_KEY = "not-needed";

    private ProviderChain() {}

    static List<ProviderEndpoint> of(Settings settings, LlmEndpoint primary) {
        List<ProviderEndpoint> chain = new ArrayList<>();
        Provider primaryProvider = primary.simulated() ? Provider.OPENAI_COMPATIBLE : primaryProvider(settings);
        String visionModel = settings.text(Setting.ECO_SCAN_VISION_MODEL, DEFAULT_MODEL);
        String answerModel = settings.text(Setting.ECO_SCAN_ANSWER_MODEL, DEFAULT_MODEL);
        chain.add(endpoint(
                "primary",
                primaryProvider,
                primary.baseUrl(),
                primary.apiKey(),
                visionModel,
                answerModel,
                settings,
                Setting.ECO_SCAN_PROVIDER));
        boolean fallbackSet = settings.value(Setting.ECO_SCAN_FALLBACK_BASE_URL).isPresent()
                || settings.value(Setting.ECO_SCAN_FALLBACK_API_KEY).isPresent();
        if (fallbackSet) {
            Provider provider = settings.value(Setting.ECO_SCAN_FALLBACK_PROVIDER)
                    .map(ProviderChain::provider)
                    .orElse(primaryProvider);
            URI base = URI.create(settings.value(Setting.ECO_SCAN_FALLBACK_BASE_URL)
                    .orElseGet(() -> {
                        if (provider != Provider.OPENAI) {
                            throw new SettingsException(
                                    "ECO_SCAN_FALLBACK_API_KEY is set without ECO_SCAN_FALLBACK_BASE_URL,"
                                            + " which only an openai fallback can do without (ECO_SCAN_FALLBACK_PROVIDER)");
                        }
                        return OPENAI_BASE_URL;
                    }));
            chain.add(endpoint(
                    "fallback",
                    provider,
                    base,
                    settings.text(Setting.ECO_SCAN_FALLBACK_API_KEY, NO_KEY),
                    settings.text(Setting.ECO_SCAN_FALLBACK_VISION_MODEL, visionModel),
                    settings.text(Setting.ECO_SCAN_FALLBACK_ANSWER_MODEL, answerModel),
                    settings,
                    Setting.ECO_SCAN_FALLBACK_PROVIDER));
        }
        List<Map<String, String>> entries = settings.llmChain();
        for (int i = 0; i < entries.size(); i++) {
            chain.add(fromYaml(entries.get(i), i + 1, primaryProvider, visionModel, answerModel, settings));
        }
        return chain;
    }

    /** {@code openai} with only a key; {@code openai-compatible} with a base URL. */
    private static Provider primaryProvider(Settings settings) {
        return settings.value(Setting.ECO_SCAN_PROVIDER)
                .map(ProviderChain::provider)
                .orElse(
                        settings.value(Setting.OPENAI_BASE_URL).isPresent()
                                ? Provider.OPENAI_COMPATIBLE
                                : Provider.OPENAI);
    }

    private static ProviderEndpoint endpoint(
            String name,
            Provider provider,
            URI base,
            String key,
            String vision,
            String answer,
            Settings settings,
            Setting providerSetting) {
        Optional<String> apiVersion = provider == Provider.AZURE_OPENAI
                ? Optional.of(settings.text(Setting.ECO_SCAN_AZURE_API_VERSION, DEFAULT_AZURE_API_VERSION))
                : Optional.empty();
        if (provider == Provider.AZURE_OPENAI && base.toString().equals(OPENAI_BASE_URL)) {
            throw new SettingsException(providerSetting.env() + "=azure-openai needs the deployment URL in "
                    + (name.equals("primary") ? "OPENAI_BASE_URL" : "ECO_SCAN_FALLBACK_BASE_URL")
                    + ", e.g. https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT");
        }
        return new ProviderEndpoint(
                name,
                provider,
                base,
                key,
                vision,
                answer,
                apiVersion,
                StructuredOutput.parse(settings.text(Setting.ECO_SCAN_STRUCTURED_OUTPUT, "json_schema"))
                        .orElseThrow(),
                TokenParameter.parse(settings.text(Setting.ECO_SCAN_TOKEN_PARAMETER, "max_completion_tokens"))
                        .orElseThrow());
    }

    private static ProviderEndpoint fromYaml(
            Map<String, String> entry,
            int position,
            Provider primaryProvider,
            String visionModel,
            String answerModel,
            Settings settings) {
        String where = Settings.LLM_CHAIN + "[" + position + "]";
        String name = entry.getOrDefault("name", "chain-" + position);
        Provider provider = Optional.ofNullable(entry.get("provider"))
                .map(text -> Provider.parse(text)
                        .orElseThrow(() -> new SettingsException(where + ".provider is '" + text
                                + "', but it accepts openai, azure-openai or" + " openai-compatible")))
                .orElse(primaryProvider);
        String base = entry.get("base_url");
        if (!base.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new SettingsException(where + ".base_url is '" + base + "', but it accepts an http(s) URL");
        }
        Optional<String> apiVersion = provider == Provider.AZURE_OPENAI
                ? Optional.of(entry.getOrDefault(
                        "azure_api_version",
                        settings.text(Setting.ECO_SCAN_AZURE_API_VERSION, DEFAULT_AZURE_API_VERSION)))
                : Optional.empty();
        StructuredOutput output = StructuredOutput.parse(entry.getOrDefault(
                        "structured_output", settings.text(Setting.ECO_SCAN_STRUCTURED_OUTPUT, "json_schema")))
                .orElseThrow(
                        () -> new SettingsException(where + ".structured_output accepts json_schema or json_object"));
        TokenParameter tokens = TokenParameter.parse(entry.getOrDefault(
                        "token_parameter", settings.text(Setting.ECO_SCAN_TOKEN_PARAMETER, "max_completion_tokens")))
                .orElseThrow(() ->
                        new SettingsException(where + ".token_parameter accepts max_completion_tokens or max_tokens"));
        try {
            return new ProviderEndpoint(
                    name,
                    provider,
                    URI.create(base),
                    entry.getOrDefault("api_key", NO_KEY),
                    entry.getOrDefault("vision_model", visionModel),
                    entry.getOrDefault("answer_model", answerModel),
                    apiVersion,
                    output,
                    tokens);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(where + ": " + e.getMessage(), e);
        }
    }

    private static Provider provider(String text) {
        return Provider.parse(text).orElseThrow();
    }
}
