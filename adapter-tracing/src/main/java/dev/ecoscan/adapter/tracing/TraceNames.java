package dev.ecoscan.adapter.tracing;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute names the spans carry: OpenTelemetry's semantic conventions where one exists (GenAI,
 * {@code error.type}), written out rather than taken from the incubating semconv artifact, whose names
 * move between releases.
 */
final class TraceNames {

    static final String INSTRUMENTATION = "dev.ecoscan";

    static final AttributeKey<String> SCAN_ID = AttributeKey.stringKey("eco_scan.scan.id");
    static final AttributeKey<String> SCAN_OUTCOME = AttributeKey.stringKey("eco_scan.scan.outcome");
    static final AttributeKey<String> STEP_STATUS = AttributeKey.stringKey("eco_scan.step.status");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

    private TraceNames() {}
}
