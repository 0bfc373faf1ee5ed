package dev.ecoscan.adapter.openai;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Everything the adapter needs to reach its providers.
 *
 * @param chain        the endpoints in order: the primary, then each fallback
 * @param sampling     temperature and reasoning effort, sent only to models that take them
 * @param retries      retries of 429 and 5xx on one endpoint before the chain moves on
 * @param breaker      when one endpoint's circuit opens
 * @param cacheEnabled whether identical inputs reuse an earlier result ({@code ECO_SCAN_CACHE})
 * @param cacheSize    how many results each step's cache keeps
 */
public record OpenAiSettings(
        List<ProviderEndpoint> chain,
        StepLimits vision,
        StepLimits answer,
        Sampling sampling,
        RetryPolicy retries,
        BreakerPolicy breaker,
        boolean cacheEnabled,
        int cacheSize) {

    public OpenAiSettings {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("at least one provider endpoint is needed");
        }
        if (new HashSet<>(chain.stream().map(ProviderEndpoint::name).toList()).size() != chain.size()) {
            throw new IllegalArgumentException("each endpoint of the chain needs a name of its own");
        }
        Objects.requireNonNull(vision, "vision");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(breaker, "breaker");
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cache size must be positive");
        }
    }

    /**
     * The chain with eco-scan's documented defaults, those of the service's settings: vision 5 s to
     * connect, 20 s to read, 300 tokens; answer 5 s, 30 s, 500 tokens; the provider's sampling; two
     * retries; the standard breaker; a cache of 10,000 results per step.
     */
    public static OpenAiSettings standard(List<ProviderEndpoint> chain) {
        return new OpenAiSettings(
                chain,
                new StepLimits(Duration.ofSeconds(5), Duration.ofSeconds(20), 300),
                new StepLimits(Duration.ofSeconds(5), Duration.ofSeconds(30), 500),
                Sampling.providerDefaults(),
                RetryPolicy.standard(),
                BreakerPolicy.standard(),
                true,
                10_000);
    }

    /** The first endpoint: the one every step tries first. */
    public ProviderEndpoint primary() {
        return chain.getFirst();
    }
}
