package dev.ecoscan.bootstrap.render;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model calls of one scan, summed per step, endpoint and model: what the scan cost and which
 * endpoint of the provider chain it went to ({@code ok} is how many of the calls succeeded).
 */
record ModelUsage(
        Step step,
        String endpoint,
        String model,
        int calls,
        int ok,
        long inputTokens,
        long cachedInputTokens,
        long outputTokens) {

    static List<ModelUsage> of(List<ModelCall> calls) {
        Map<String, ModelUsage> byStep = new LinkedHashMap<>();
        for (ModelCall call : calls) {
            byStep.merge(
                    call.step().label() + "\u0000" + call.endpoint() + "\u0000" + call.model(),
                    new ModelUsage(
                            call.step(),
                            call.endpoint(),
                            call.model(),
                            1,
                            call.succeeded() ? 1 : 0,
                            call.inputTokens(),
                            call.cachedInputTokens().orElse(0),
                            call.outputTokens()),
                    ModelUsage::plus);
        }
        return new ArrayList<>(byStep.values());
    }

    private ModelUsage plus(ModelUsage other) {
        return new ModelUsage(
                step,
                endpoint,
                model,
                calls + other.calls,
                ok + other.ok,
                inputTokens + other.inputTokens,
                cachedInputTokens + other.cachedInputTokens,
                outputTokens + other.outputTokens);
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%s %,d in%s / %,d out%s (%s, %s)",
                step.label(),
                inputTokens,
                cachedInputTokens > 0 ? String.format(Locale.ROOT, " (%,d cached)", cachedInputTokens) : "",
                outputTokens,
                calls > 1 ? " in " + calls + " calls" : "",
                model,
                ok > 0 ? endpoint : endpoint + " failed");
    }
}
