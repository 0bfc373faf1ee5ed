package dev.ecoscan.adapter.openai;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one step talks to its model.
 *
 * @param model           the provider's model name
 * @param connectTimeout  time to open a connection
 * @param readTimeout     time to wait for the whole reply of one call (the scan's deadline bounds it too)
 * @param maxOutputTokens cap on the reply, sent as {@code max_tokens}
 * @param temperature     sent only when set: reasoning models refuse any value but their default
 */
public record StepModel(String model, Duration connectTimeout, Duration readTimeout, int maxOutputTokens,
                        Optional<Double> temperature) {

    public StepModel {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a step needs a model name");
        }
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        if (maxOutputTokens < 16) {
            throw new IllegalArgumentException("max output tokens must be at least 16, was " + maxOutputTokens);
        }
        Objects.requireNonNull(temperature, "temperature");
        temperature.ifPresent(t -> {
            if (t < 0 || t > 2) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, was " + t);
            }
        });
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
