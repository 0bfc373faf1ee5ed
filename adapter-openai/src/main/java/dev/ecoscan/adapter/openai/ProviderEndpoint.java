package dev.ecoscan.adapter.openai;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One endpoint of the provider chain: where it is, how to talk to it, and which model serves each
 * step there.
 *
 * @param name            how logs, metrics and the banner call it: {@code primary}, {@code fallback}, ...
 * @param baseUrl         ends in {@code /v1} (OpenAI and compatible servers) or is an Azure deployment URL
 * @param apiKey          sent as a bearer token, or as {@code api-key} on Azure; never logged
 * @param azureApiVersion the {@code api-version} query parameter, for Azure only
 */
public record ProviderEndpoint(
        String name,
        Provider provider,
        URI baseUrl,
        String apiKey,
        String visionModel,
        String answerModel,
        Optional<String> azureApiVersion,
        StructuredOutput output,
        TokenParameter tokenParameter) {

    public ProviderEndpoint {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("an endpoint name is lower-case letters, digits, '-' or '_': " + name);
        }
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the provider's base URL must be http(s): " + baseUrl);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an API key is needed (any text for servers that ignore it)");
        }
        requireModel(visionModel, "vision");
        requireModel(answerModel, "answer");
        Objects.requireNonNull(azureApiVersion, "azureApiVersion");
        if (provider == Provider.AZURE_OPENAI && azureApiVersion.isEmpty()) {
            throw new IllegalArgumentException("an Azure OpenAI endpoint needs an api-version");
        }
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(tokenParameter, "tokenParameter");
    }

    /** An endpoint with the provider's usual capabilities: strict schemas and {@code max_completion_tokens}. */
    public static ProviderEndpoint of(
            String name, Provider provider, URI baseUrl, String apiKey, String visionModel, String answerModel) {
        return new ProviderEndpoint(
                name,
                provider,
                baseUrl,
                apiKey,
                visionModel,
                answerModel,
                Optional.empty(),
                StructuredOutput.JSON_SCHEMA,
                TokenParameter.MAX_COMPLETION_TOKENS);
    }

    public String model(Stage stage) {
        return stage == Stage.VISION ? visionModel : answerModel;
    }

    /** The two LLM steps an endpoint serves. */
    public enum Stage {
        VISION,
        ANSWER
    }

    @Override
    public String toString() {
        // Never print the key.
        return name + " (" + provider.setting() + " at " + baseUrl + ")";
    }

    private static void requireModel(String model, String step) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the " + step + " step needs a model name");
        }
    }
}
