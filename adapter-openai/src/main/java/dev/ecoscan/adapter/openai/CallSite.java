package dev.ecoscan.adapter.openai;

import dev.langchain4j.model.ModelProvider;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who answers one step's calls, as logs, metrics and failure details name it: an endpoint of
 * eco-scan's provider chain, or a chat model the embedding application built itself (whose address
 * and key eco-scan never sees).
 *
 * @param name     the endpoint's name ({@code primary}, {@code fallback}, ...) or {@code caller}
 * @param provider the provider as OpenTelemetry's GenAI conventions name it, for metrics
 * @param address  where the calls go, for a refusal's log line
 * @param secret   the key to cut out of a provider's error body before it is logged, when eco-scan has it
 */
record CallSite(String name, String provider, String address, Optional<String> secret) {

    CallSite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(secret, "secret");
    }

    static CallSite of(ProviderEndpoint endpoint) {
        return new CallSite(
                endpoint.name(),
                endpoint.provider().genAiName(),
                endpoint.baseUrl().toString(),
                Optional.of(endpoint.apiKey()));
    }

    /** A caller's LangChain4j model: named by its provider, as far as LangChain4j knows it. */
    static CallSite caller(ModelProvider provider) {
        String name = provider == null ? "other" : provider.name().toLowerCase(Locale.ROOT);
        return new CallSite("caller", name, "the caller's " + name + " chat model", Optional.empty());
    }
}
