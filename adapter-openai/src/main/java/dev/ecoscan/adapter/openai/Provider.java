package dev.ecoscan.adapter.openai;

import java.util.Arrays;
import java.util.Optional;

/** How an endpoint is addressed and authenticated ({@code ECO_SCAN_PROVIDER}). */
public enum Provider {
    /** OpenAI itself: bearer key, strict json_schema, {@code max_completion_tokens}. */
    OPENAI("openai", "openai"),
    /**
     * Azure OpenAI: the base URL is a deployment's ({@code .../openai/deployments/NAME}), every call
     * carries {@code api-version}, and the key goes in the {@code api-key} header.
     */
    AZURE_OPENAI("azure-openai", "azure.ai.openai"),
    /** vLLM, Ollama, LiteLLM, Gemini's OpenAI-compatible endpoint and other gateways: capabilities vary. */
    OPENAI_COMPATIBLE("openai-compatible", "openai_compatible");

    private final String setting;
    private final String genAiName;

    Provider(String setting, String genAiName) {
        this.setting = setting;
        this.genAiName = genAiName;
    }

    public String setting() {
        return setting;
    }

    /**
     * The provider as OpenTelemetry's GenAI conventions name it ({@code gen_ai.provider.name}), for
     * metrics. A compatible server gets one stable name of its own: which server it is (vLLM, Ollama, a
     * gateway) is not something eco-scan can know, and a per-URL value would be an unbounded label.
     */
    public String genAiName() {
        return genAiName;
    }

    public static Optional<Provider> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.setting.equals(text)).findFirst();
    }
}
