package dev.ecoscan.adapter.openai;

import java.util.Objects;
import java.util.Optional;

/**
 * Sampling parameters, sent only where the model takes them: a temperature to standard models, a
 * reasoning effort to reasoning models. Unset, neither is sent and the provider's default holds.
 */
public record Sampling(Optional<Double> temperature, Optional<ReasoningEffort> reasoningEffort) {

    public Sampling {
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(reasoningEffort, "reasoningEffort");
        temperature.ifPresent(t -> {
            if (t < 0 || t > 2) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, was " + t);
            }
        });
    }

    public static Sampling providerDefaults() {
        return new Sampling(Optional.empty(), Optional.empty());
    }
}
