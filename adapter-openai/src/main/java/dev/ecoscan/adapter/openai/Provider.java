package dev.ecoscan.adapter.openai;

import java.util.Arrays;
import java.util.Optional;

/** How an endpoint is addressed and authenticated ({@code ECO_SCAN_PROVIDER}). */
public enum Provider {
    /** OpenAI itself: bearer key, strict json_schema, {@code max_completion_tokens}. */
    OPENAI("openai"),
    /**
     * Azure OpenAI: the base URL is a deployment's ({@code .../openai/deployments/NAME}), every call
     * carries {@code api-version}, and the key goes in the {@code api-key} header.
     */
    AZURE_OPENAI("azure-openai"),
    /** vLLM, Ollama, LiteLLM, Gemini's OpenAI-compatible endpoint and other gateways: capabilities vary. */
    OPENAI_COMPATIBLE("openai-compatible");

    private final String setting;

    Provider(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    public static Optional<Provider> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.setting.equals(text)).findFirst();
    }
}
