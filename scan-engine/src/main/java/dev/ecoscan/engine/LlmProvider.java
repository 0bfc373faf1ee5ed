package dev.ecoscan.engine;

import java.net.URI;
import java.util.Objects;

/**
 * An OpenAI-compatible endpoint eco-scan calls with its own client, retries (429 and 5xx, honouring
 * {@code Retry-After}), circuit breaker and result cache: the primary, or the fallback a step moves to
 * when the primary cannot serve it.
 *
 * @param kind        how the endpoint is addressed: OpenAI itself, or any compatible server
 * @param baseUrl     the API's base URL, ending in {@code /v1}
 * @param apiKey      sent as a bearer token; never printed ({@link #toString()} leaves it out)
 * @param visionModel the model of the vision step; it must take images
 * @param answerModel the model of the answer step
 */
public record LlmProvider(Kind kind, URI baseUrl, String apiKey, String visionModel, String answerModel) {

    /** OpenAI's own API. */
    public static final URI OPENAI_BASE_URL = URI.create("https://api.openai.com/v1");

    /**
     * Checks the endpoint.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the URL is not http(s) or a text is blank
     */
    public LlmProvider {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("the provider's base URL must be http(s): " + baseUrl);
        }
        requireText(apiKey, "apiKey (any text for a server that ignores it)");
        requireText(visionModel, "visionModel");
        requireText(answerModel, "answerModel");
    }

    /**
     * OpenAI at {@link #OPENAI_BASE_URL}, with a model per step (e.g. {@code gpt-4.1-mini} for both).
     *
     * @param apiKey      the OpenAI API key
     * @param visionModel the model for the vision step
     * @param answerModel the model for the answer step
     * @return the provider
     */
    public static LlmProvider openAi(String apiKey, String visionModel, String answerModel) {
        return new LlmProvider(Kind.OPENAI, OPENAI_BASE_URL, apiKey, visionModel, answerModel);
    }

    /**
     * Any OpenAI-compatible server (vLLM, Ollama, LiteLLM, a gateway, eco-scan's simulator).
     *
     * @param baseUrl     the server's base URL, e.g. {@code http://localhost:8099/v1}
     * @param apiKey      its API key, or any text when it needs none
     * @param visionModel the model for the vision step
     * @param answerModel the model for the answer step
     * @return the provider
     */
    public static LlmProvider compatible(URI baseUrl, String apiKey, String visionModel, String answerModel) {
        return new LlmProvider(Kind.OPENAI_COMPATIBLE, baseUrl, apiKey, visionModel, answerModel);
    }

    /** How an endpoint is addressed. */
    public enum Kind {
        /** OpenAI itself: strict JSON schemas and {@code max_completion_tokens}. */
        OPENAI,
        /** A compatible server, asked the same way. */
        OPENAI_COMPATIBLE
    }

    /** The endpoint without its key. */
    @Override
    public String toString() {
        return "LlmProvider[" + kind + " at " + baseUrl + ", vision " + visionModel + ", answer " + answerModel + "]";
    }

    private static void requireText(String text, String name) {
        if (Objects.requireNonNull(text, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
