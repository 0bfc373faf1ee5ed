package dev.ecoscan.bootstrap.wiring;

import dev.ecoscan.adapter.openai.Provider;
import dev.ecoscan.adapter.openai.ProviderEndpoint;
import dev.ecoscan.adapter.openai.StructuredOutput;
import dev.ecoscan.adapter.openai.TokenParameter;
import dev.ecoscan.bootstrap.config.FallbackSettings;
import dev.ecoscan.bootstrap.config.ProviderSettings;
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
 * entry of the YAML file's {@code llm_chain}, whose unset keys take the primary's values.
 */
final class ProviderChain {

    /** Local OpenAI-compatible servers usually want no key, but the client sends one. */
    static final String NO_KEY = "not-needed";

    private ProviderChain() {}

    static List<ProviderEndpoint> of(ProviderSettings settings, LlmEndpoint primary) {
        List<ProviderEndpoint> chain = new ArrayList<>();
        chain.add(endpoint(
                "primary",
                settings.provider(),
                primary.baseUrl(),
                primary.apiKey(),
                settings.visionModel(),
                settings.answerModel(),
                settings,
                "ECO_SCAN_PROVIDER"));
        settings.fallback().ifPresent(fallback -> chain.add(fallback(fallback, settings)));
        List<Map<String, String>> entries = settings.chain();
        for (int i = 0; i < entries.size(); i++) {
            chain.add(fromYaml(entries.get(i), i + 1, settings));
        }
        return chain;
    }

    private static ProviderEndpoint fallback(FallbackSettings fallback, ProviderSettings settings) {
        return endpoint(
                "fallback",
                fallback.provider(),
                fallback.baseUrl(),
                fallback.apiKey().orElse(NO_KEY),
                fallback.visionModel(),
                fallback.answerModel(),
                settings,
                "ECO_SCAN_FALLBACK_PROVIDER");
    }

    private static ProviderEndpoint endpoint(
            String name,
            Provider provider,
            URI base,
            String key,
            String vision,
            String answer,
            ProviderSettings settings,
            String providerSetting) {
        Optional<String> apiVersion =
                provider == Provider.AZURE_OPENAI ? Optional.of(settings.azureApiVersion()) : Optional.empty();
        if (provider == Provider.AZURE_OPENAI && base.equals(ProviderSettings.OPENAI_URL)) {
            throw new SettingsException(providerSetting + "=azure-openai needs the deployment URL in "
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
                settings.structuredOutput(),
                settings.tokenParameter());
    }

    private static ProviderEndpoint fromYaml(Map<String, String> entry, int position, ProviderSettings settings) {
        String where = ProviderSettings.LLM_CHAIN + "[" + position + "]";
        String name = entry.getOrDefault("name", "chain-" + position);
        Provider provider = Optional.ofNullable(entry.get("provider"))
                .map(text -> Provider.parse(text)
                        .orElseThrow(() -> new SettingsException(where + ".provider is '" + text
                                + "', but it accepts openai, azure-openai or" + " openai-compatible")))
                .orElse(settings.provider());
        String base = entry.get("base_url");
        if (!base.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new SettingsException(where + ".base_url is '" + base + "', but it accepts an http(s) URL");
        }
        Optional<String> apiVersion = provider == Provider.AZURE_OPENAI
                ? Optional.of(entry.getOrDefault("azure_api_version", settings.azureApiVersion()))
                : Optional.empty();
        StructuredOutput output = Optional.ofNullable(entry.get("structured_output"))
                .map(text -> StructuredOutput.parse(text)
                        .orElseThrow(() ->
                                new SettingsException(where + ".structured_output accepts json_schema or json_object")))
                .orElse(settings.structuredOutput());
        TokenParameter tokens = Optional.ofNullable(entry.get("token_parameter"))
                .map(text -> TokenParameter.parse(text)
                        .orElseThrow(() -> new SettingsException(
                                where + ".token_parameter accepts max_completion_tokens or max_tokens")))
                .orElse(settings.tokenParameter());
        try {
            return new ProviderEndpoint(
                    name,
                    provider,
                    URI.create(base),
                    entry.getOrDefault("api_key", NO_KEY),
                    entry.getOrDefault("vision_model", settings.visionModel()),
                    entry.getOrDefault("answer_model", settings.answerModel()),
                    apiVersion,
                    output,
                    tokens);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(where + ": " + e.getMessage(), e);
        }
    }
}
