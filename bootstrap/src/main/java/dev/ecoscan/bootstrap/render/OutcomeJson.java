package dev.ecoscan.bootstrap.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.adapter.http.ScanBodies;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.ScanOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An outcome as JSON: a completed scan in the HTTP API's body ({@link ScanBodies}), anything else in
 * the reference API's failed shape with an {@code error.code}; plus the tokens of each LLM step
 * ({@code llm_usage}), which only the command line knows.
 */
public final class OutcomeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OutcomeJson() {}

    public static String render(ScanOutcome outcome, List<ModelCall> calls) {
        ObjectNode body = switch (outcome) {
            case ScanOutcome.Completed done -> ScanBodies.completed(done);
            case ScanOutcome.Rejected rejected -> {
                ObjectNode failed =
                        failed(outcome, rejected.detail(), rejected.reason().name(), Optional.empty());
                rejected.classification()
                        .ifPresent(c -> failed.putObject("pipeline_result")
                                .set("classification_result", ScanBodies.classification(c, rejected.question())));
                yield failed;
            }
            case ScanOutcome.Failed failed ->
                failed(
                        outcome,
                        failed.detail(),
                        failed.kind().name(),
                        Optional.of(failed.step().label()));
        };
        ArrayNode usage = body.putArray("llm_usage");
        for (ModelUsage step : ModelUsage.of(calls)) {
            ObjectNode node = usage.addObject();
            node.put("step", step.step().label());
            node.put("endpoint", step.endpoint());
            node.put("model", step.model());
            node.put("calls", step.calls());
            node.put("succeeded", step.ok());
            node.put("input_tokens", step.inputTokens());
            node.put("cached_input_tokens", step.cachedInputTokens());
            node.put("output_tokens", step.outputTokens());
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static ObjectNode failed(ScanOutcome outcome, String detail, String code, Optional<String> step) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("task_id", outcome.scanId().toString());
        body.put("status", "failed");
        body.put("message", detail);
        body.putNull("pipeline_result");
        body.putNull("reward");
        ObjectNode error = body.putObject("error");
        error.put("code", code.toUpperCase(Locale.ROOT));
        step.ifPresent(s -> error.put("step", s));
        error.put("detail", detail);
        body.set("timings", ScanBodies.timings(outcome));
        return body;
    }
}
