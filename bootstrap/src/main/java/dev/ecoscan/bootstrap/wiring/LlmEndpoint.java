package dev.ecoscan.bootstrap.wiring;

import java.net.URI;
import java.util.Objects;

/**
 * Where the LLM adapters send their calls.
 *
 * @param simulated true when eco-scan started its own simulator because no provider is configured
 */
public record LlmEndpoint(URI baseUrl, String apiKey, boolean simulated) {

    public LlmEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String toString() {
        // Never print the key.
        return "LlmEndpoint[" + baseUrl + (simulated ? ", simulated" : "") + "]";
    }
}
