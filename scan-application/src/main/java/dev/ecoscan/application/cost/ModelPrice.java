package dev.ecoscan.application.cost;

import dev.ecoscan.domain.port.ModelCall;
import java.util.Objects;

/**
 * What one model costs, in US dollars per million tokens. The input a provider served from its prompt
 * cache is billed at {@code cachedInputPerMillion}, the rest at {@code inputPerMillion}.
 *
 * @param model                 the model's name, or its family's
 * @param inputPerMillion       dollars per million uncached input tokens
 * @param cachedInputPerMillion dollars per million input tokens served from the prompt cache
 * @param outputPerMillion      dollars per million output tokens
 */
public record ModelPrice(String model, double inputPerMillion, double cachedInputPerMillion, double outputPerMillion) {

    /** Checks that the model is named and every price is finite and not negative. */
    public ModelPrice {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("a price needs a model name");
        }
        for (double price : new double[] {inputPerMillion, cachedInputPerMillion, outputPerMillion}) {
            if (!(price >= 0) || Double.isInfinite(price)) {
                throw new IllegalArgumentException("prices of '" + model + "' must be finite and not negative");
            }
        }
    }

    /**
     * The estimated cost of one call: its uncached input, its cached input and its output.
     *
     * @param call a call to this model
     * @return its estimated cost in US dollars
     */
    public double costUsd(ModelCall call) {
        int cached = Math.min(call.cachedInputTokens().orElse(0), call.inputTokens());
        return ((call.inputTokens() - cached) * inputPerMillion
                        + cached * cachedInputPerMillion
                        + call.outputTokens() * outputPerMillion)
                / 1_000_000.0;
    }
}
