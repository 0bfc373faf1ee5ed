package dev.ecoscan.bootstrap.config;

import java.util.Optional;

/**
 * Whether eco-scan exports traces.
 *
 * @param otlp whether traces go out over OTLP, configured by the standard {@code OTEL_*} variables
 */
public record TraceSettings(boolean otlp) {

    static final Setting<Boolean> TRACES = Setting.of(
                    "ECO_SCAN_TRACES",
                    "`off` or `otlp`: a span per scan and per step, a client span per LLM call (see"
                            + " [Traces](#traces)); with `otlp` the standard `OTEL_EXPORTER_OTLP_*` and `OTEL_*`"
                            + " variables apply",
                    Formats.choice("off or otlp", text -> switch (text) {
                        case "off" -> Optional.of(false);
                        case "otlp" -> Optional.of(true);
                        default -> Optional.empty();
                    }))
            .defaultsTo("off");

    static TraceSettings from(SettingValues values) {
        return new TraceSettings(values.get(TRACES));
    }
}
