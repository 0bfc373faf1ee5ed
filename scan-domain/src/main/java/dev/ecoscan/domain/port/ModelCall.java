package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.taxonomy.Texts;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to a model provider: what it cost and how long it took. A retry and a repair are
 * calls of their own, so the cost of a scan is the sum of its calls.
 *
 * @param scanId            the scan the call was made for
 * @param step              the step that made it (vision or answer)
 * @param endpoint          which endpoint of the provider chain served the call, e.g. {@code primary}
 * @param provider          who runs that endpoint, as OpenTelemetry's {@code gen_ai.provider.name} says it:
 *                          {@code openai}, {@code azure.ai.openai}, or {@code openai_compatible} for any
 *                          other server that speaks OpenAI's API
 * @param model             the model the request named
 * @param inputTokens       prompt tokens the provider billed, 0 when the call failed
 * @param outputTokens      completion tokens the provider billed, 0 when the call failed
 * @param cachedInputTokens the part of the input served from the provider's prompt cache, when reported
 * @param duration          from sending the request to the end of the reply
 * @param outcome           {@code ok}, or why the call failed ({@code rate_limited}, {@code server_error},
 *                          {@code timeout}, {@code unreachable}, {@code refused}, {@code circuit_open},
 *                          {@code error})
 */
public record ModelCall(
        ScanId scanId,
        Step step,
        String endpoint,
        String provider,
        String model,
        int inputTokens,
        int outputTokens,
        Optional<Integer> cachedInputTokens,
        Duration duration,
        String outcome) {

    /** Checks the names are given and the token counts are not negative. */
    public ModelCall {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(step, "step");
        endpoint = Texts.requireText(endpoint, "endpoint");
        provider = Texts.requireText(provider, "provider");
        model = Texts.requireText(model, "model");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        Objects.requireNonNull(cachedInputTokens, "cachedInputTokens");
        Objects.requireNonNull(duration, "duration");
        outcome = Texts.requireText(outcome, "outcome");
    }

    /**
     * Whether the provider answered.
     *
     * @return true when the outcome is {@code ok}
     */
    public boolean succeeded() {
        return outcome.equals("ok");
    }
}
