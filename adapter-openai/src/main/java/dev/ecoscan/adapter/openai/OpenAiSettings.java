package dev.ecoscan.adapter.openai;

import java.net.URI;
import java.util.Objects;

/**
 * Everything the adapter needs to reach a provider.
 *
 * @param baseUrl  ends in {@code /v1}, like the OpenAI SDKs' base URL
 * @param apiKey   sent as a bearer token (local servers accept any)
 * @param cacheEnabled whether identical inputs reuse an earlier result ({@code ECO_SCAN_CACHE})
 * @param cacheSize    how many results each step's cache keeps
 */
public record OpenAiSettings(URI baseUrl, String apiKey, StepModel vision, StepModel answer, RetryPolicy retries,
                             boolean cacheEnabled, int cacheSize) {

    public OpenAiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the provider's base URL must be http(s): " + baseUrl);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an API key is needed (any text for servers that ignore it)");
        }
        Objects.requireNonNull(vision, "vision");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(retries, "retries");
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cache size must be positive");
        }
    }
}
