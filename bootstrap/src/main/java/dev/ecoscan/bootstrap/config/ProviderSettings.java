package dev.ecoscan.bootstrap.config;

import dev.ecoscan.adapter.openai.Provider;
import dev.ecoscan.adapter.openai.StructuredOutput;
import dev.ecoscan.adapter.openai.TokenParameter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model provider: the primary endpoint, how it is addressed, its models, the fallback and the
 * YAML file's {@code llm_chain}. With neither {@link #API_KEY} nor {@link #BASE_URL} set, the
 * built-in simulator stands in.
 *
 * @param provider the primary's profile: as set, else {@code openai} with only a key and
 *                 {@code openai-compatible} with a base URL (or the simulator)
 * @param chain    the {@code llm_chain} entries of the YAML file, each with keys from
 *                 {@link SettingsFile#CHAIN_KEYS}
 */
public record ProviderSettings(
        Optional<String> apiKey,
        Optional<URI> baseUrl,
        Provider provider,
        String azureApiVersion,
        StructuredOutput structuredOutput,
        TokenParameter tokenParameter,
        String visionModel,
        String answerModel,
        Optional<FallbackSettings> fallback,
        List<Map<String, String>> chain) {

    /** The YAML-only key of the provider chain: a list, which no environment variable could hold. */
    public static final String LLM_CHAIN = "llm_chain";

    /** Where a key alone sends the calls. */
    public static final URI OPENAI_URL = URI.create("https://api.openai.com/v1");

    static final Format<Provider> PROVIDER_FORMAT =
            Formats.choice("openai, azure-openai or openai-compatible", Provider::parse);

    static final Setting<String> API_KEY = Setting.of("OPENAI_API_KEY", "key of the primary provider", Formats.TEXT)
            .secret();
    static final Setting<URI> BASE_URL = Setting.of(
                    "OPENAI_BASE_URL",
                    "primary provider's base URL, ending in `/v1` (for Azure: the deployment URL)",
                    Formats.HTTP_URL)
            .defaultIs("OpenAI's own when a key is set")
            .urlWithPassword();
    static final Setting<Provider> PROVIDER = Setting.of(
                    "ECO_SCAN_PROVIDER",
                    "`openai`, `azure-openai` (key sent as `api-key`, `api-version` on every call) or"
                            + " `openai-compatible` (vLLM, Ollama, LiteLLM, Gemini's OpenAI-compatible endpoint,"
                            + " other gateways)",
                    PROVIDER_FORMAT)
            .defaultIs("`openai` with only a key; `openai-compatible` with a base URL");
    static final Setting<String> AZURE_API_VERSION = Setting.of(
                    "ECO_SCAN_AZURE_API_VERSION",
                    "`api-version` of Azure OpenAI calls",
                    Formats.TEXT.where(
                            "an Azure OpenAI API version such as 2024-10-21",
                            text -> text.matches("\\d{4}-\\d{2}-\\d{2}(-preview)?")))
            .defaultsTo("2024-10-21");
    static final Setting<StructuredOutput> STRUCTURED_OUTPUT = Setting.of(
                    "ECO_SCAN_STRUCTURED_OUTPUT",
                    "`json_schema` (strict schemas) or `json_object` (JSON mode plus the schema in the prompt, for"
                            + " servers without strict schemas); replies are validated either way",
                    Formats.choice("json_schema or json_object", StructuredOutput::parse))
            .defaultsTo("json_schema");
    static final Setting<TokenParameter> TOKEN_PARAMETER = Setting.of(
                    "ECO_SCAN_TOKEN_PARAMETER",
                    "name of the output cap sent to standard models: `max_completion_tokens` or `max_tokens`"
                            + " (reasoning models always get `max_completion_tokens`)",
                    Formats.choice("max_completion_tokens or max_tokens", TokenParameter::parse))
            .defaultsTo("max_completion_tokens");
    static final Setting<String> VISION_MODEL = Setting.of(
                    "ECO_SCAN_VISION_MODEL", "model of the vision step", Formats.MODEL)
            .defaultsTo("gpt-4.1-mini");
    static final Setting<String> ANSWER_MODEL = Setting.of(
                    "ECO_SCAN_ANSWER_MODEL", "model of the answer step", Formats.MODEL)
            .defaultsTo("gpt-4.1-mini");

    static ProviderSettings from(SettingValues values) {
        Optional<String> apiKey = values.optional(API_KEY);
        Optional<URI> baseUrl = values.optional(BASE_URL);
        boolean simulated = apiKey.isEmpty() && baseUrl.isEmpty();
        // The built-in simulator is an OpenAI-compatible server, whatever the profile says.
        Provider provider = simulated
                ? Provider.OPENAI_COMPATIBLE
                : values.optional(PROVIDER).orElse(baseUrl.isPresent() ? Provider.OPENAI_COMPATIBLE : Provider.OPENAI);
        String visionModel = values.get(VISION_MODEL);
        String answerModel = values.get(ANSWER_MODEL);
        return new ProviderSettings(
                apiKey,
                baseUrl,
                provider,
                values.get(AZURE_API_VERSION),
                values.get(STRUCTURED_OUTPUT),
                values.get(TOKEN_PARAMETER),
                visionModel,
                answerModel,
                FallbackSettings.from(values, provider, visionModel, answerModel),
                values.chain());
    }

    /** True when no provider is set, so the built-in simulator stands in. */
    public boolean simulated() {
        return apiKey.isEmpty() && baseUrl.isEmpty();
    }

    /** The primary's base URL: as set, else OpenAI's own. */
    public URI primaryUrl() {
        return baseUrl.orElse(OPENAI_URL);
    }
}
