package dev.ecoscan.adapter.metrics;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.Step;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Model calls as OpenTelemetry's GenAI client metrics. The names and tag keys are OTel's; the
 * Prometheus registry turns their dots into underscores, as an OTel collector would.
 */
final class ModelCallMeters {

    /** No base unit, so it scrapes as {@code gen_ai_client_token_usage_bucket}, not {@code ..._usage_tokens_bucket}. */
    static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    /** A timer: scraped as {@code gen_ai_client_operation_duration_seconds_bucket}. */
    static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
    /** eco-scan's own (OTel has none): scraped as {@code gen_ai_client_cached_input_tokens_total}. */
    static final String CACHED_INPUT_TOKENS = "gen_ai.client.cached.input.tokens";

    static final String OPERATION = "gen_ai.operation.name";
    static final String MODEL = "gen_ai.request.model";
    static final String TOKEN_TYPE = "gen_ai.token.type";
    /** eco-scan's: which endpoint of the provider chain (primary, fallback, ...) the call went to. */
    static final String ENDPOINT = "endpoint";

    /** eco-scan makes chat completion calls only. */
    private static final String CHAT = "chat";

    private record TokenKey(String endpoint, String model, Step step, String tokenType) {}

    private record ModelAndStep(String endpoint, String model, Step step) {}

    private record CallKey(String endpoint, String model, Step step, String outcome) {}

    private final MeterCache<TokenKey, DistributionSummary> tokens;
    private final MeterCache<ModelAndStep, Counter> cachedInputTokens;
    private final MeterCache<CallKey, Timer> durations;

    ModelCallMeters(MeterRegistry registry) {
        tokens = new MeterCache<>(key -> DistributionSummary.builder(TOKEN_USAGE)
                .description("Tokens one model call used, by token type")
                .tag(OPERATION, CHAT)
                .tag(MODEL, key.model())
                .tag(ENDPOINT, key.endpoint())
                .tag(TOKEN_TYPE, key.tokenType())
                .tag("step", key.step().label())
                .serviceLevelObjectives(Buckets.openTelemetryTokenCounts())
                .register(registry));
        cachedInputTokens = new MeterCache<>(key -> Counter.builder(CACHED_INPUT_TOKENS)
                .description("Input tokens the provider served from its prompt cache")
                .tag(MODEL, key.model())
                .tag(ENDPOINT, key.endpoint())
                .tag("step", key.step().label())
                .register(registry));
        durations = new MeterCache<>(key -> Timer.builder(OPERATION_DURATION)
                .description("Time one model call took, by outcome")
                .tag(OPERATION, CHAT)
                .tag(MODEL, key.model())
                .tag(ENDPOINT, key.endpoint())
                .tag("step", key.step().label())
                .tag("outcome", key.outcome())
                .serviceLevelObjectives(Buckets.openTelemetryOperationDurations())
                .register(registry));
    }

    void record(ModelCall call) {
        observeTokens(call, "input", call.inputTokens());
        observeTokens(call, "output", call.outputTokens());
        call.cachedInputTokens()
                .ifPresent(cached -> cachedInputTokens
                        .get(new ModelAndStep(call.endpoint(), call.model(), call.step()))
                        .increment(cached));
        // As for HTTP: a negative duration is a caller's clock stepping back, not a time to record.
        if (!call.duration().isNegative()) {
            durations
                    .get(new CallKey(call.endpoint(), call.model(), call.step(), call.outcome()))
                    .record(call.duration());
        }
    }

    private void observeTokens(ModelCall call, String tokenType, int count) {
        // A failed call reports 0 because nothing was billed, not because nothing was sent: as an
        // observation it would drag the per-call averages and quantiles down.
        if (count == 0 && !call.succeeded()) {
            return;
        }
        tokens.get(new TokenKey(call.endpoint(), call.model(), call.step(), tokenType))
                .record(count);
    }
}
