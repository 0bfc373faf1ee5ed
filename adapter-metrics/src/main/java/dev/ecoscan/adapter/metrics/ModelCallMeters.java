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
    /** The rest of the input, so cached plus uncached is all input: {@code gen_ai_client_uncached_input_tokens_total}. */
    static final String UNCACHED_INPUT_TOKENS = "gen_ai.client.uncached.input.tokens";

    static final String OPERATION = "gen_ai.operation.name";
    static final String PROVIDER = "gen_ai.provider.name";
    static final String MODEL = "gen_ai.request.model";
    static final String TOKEN_TYPE = "gen_ai.token.type";
    /** eco-scan's: which endpoint of the provider chain (primary, fallback, ...) the call went to. */
    static final String ENDPOINT = "endpoint";

    /** eco-scan makes chat completion calls only. */
    private static final String CHAT = "chat";

    private record TokenKey(String endpoint, String provider, String model, Step step, String tokenType) {}

    private record ModelAndStep(String endpoint, String provider, String model, Step step) {}

    private record CallKey(String endpoint, String provider, String model, Step step, String outcome) {}

    private final MeterCache<TokenKey, DistributionSummary> tokens;
    private final MeterCache<ModelAndStep, Counter> cachedInputTokens;
    private final MeterCache<ModelAndStep, Counter> uncachedInputTokens;
    private final MeterCache<CallKey, Timer> durations;

    ModelCallMeters(MeterRegistry registry) {
        tokens = new MeterCache<>(key -> DistributionSummary.builder(TOKEN_USAGE)
                .description("Tokens one model call used, by token type")
                .tag(OPERATION, CHAT)
                .tag(PROVIDER, key.provider())
                .tag(MODEL, key.model())
                .tag(ENDPOINT, key.endpoint())
                .tag(TOKEN_TYPE, key.tokenType())
                .tag("step", key.step().label())
                .serviceLevelObjectives(Buckets.openTelemetryTokenCounts())
                .register(registry));
        cachedInputTokens = inputTokenCounter(
                registry, CACHED_INPUT_TOKENS, "Input tokens the provider served from its prompt cache");
        uncachedInputTokens = inputTokenCounter(
                registry,
                UNCACHED_INPUT_TOKENS,
                "Input tokens the provider did not serve from its prompt cache (all input, when it reports none)");
        durations = new MeterCache<>(key -> Timer.builder(OPERATION_DURATION)
                .description("Time one model call took, by outcome")
                .tag(OPERATION, CHAT)
                .tag(PROVIDER, key.provider())
                .tag(MODEL, key.model())
                .tag(ENDPOINT, key.endpoint())
                .tag("step", key.step().label())
                .tag("outcome", key.outcome())
                .serviceLevelObjectives(Buckets.openTelemetryOperationDurations())
                .register(registry));
    }

    private static MeterCache<ModelAndStep, Counter> inputTokenCounter(
            MeterRegistry registry, String name, String description) {
        return new MeterCache<>(key -> Counter.builder(name)
                .description(description)
                .tag(PROVIDER, key.provider())
                .tag(MODEL, key.model())
                .tag(ENDPOINT, key.endpoint())
                .tag("step", key.step().label())
                .register(registry));
    }

    void record(ModelCall call) {
        observeTokens(call, "input", call.inputTokens());
        observeTokens(call, "output", call.outputTokens());
        ModelAndStep modelAndStep = new ModelAndStep(call.endpoint(), call.provider(), call.model(), call.step());
        // A provider may report more cached tokens than input ones; the input caps it, so the two
        // counters always add up to the input histogram's sum.
        int cached = Math.min(call.cachedInputTokens().orElse(0), call.inputTokens());
        call.cachedInputTokens()
                .ifPresent(reported -> cachedInputTokens.get(modelAndStep).increment(cached));
        if (call.inputTokens() > 0) {
            uncachedInputTokens.get(modelAndStep).increment(call.inputTokens() - cached);
        }
        // As for HTTP: a negative duration is a caller's clock stepping back, not a time to record.
        if (!call.duration().isNegative()) {
            durations
                    .get(new CallKey(call.endpoint(), call.provider(), call.model(), call.step(), call.outcome()))
                    .record(call.duration());
        }
    }

    private void observeTokens(ModelCall call, String tokenType, int count) {
        // A failed call reports 0 because nothing was billed, not because nothing was sent: as an
        // observation it would drag the per-call averages and quantiles down.
        if (count == 0 && !call.succeeded()) {
            return;
        }
        tokens.get(new TokenKey(call.endpoint(), call.provider(), call.model(), call.step(), tokenType))
                .record(count);
    }
}
