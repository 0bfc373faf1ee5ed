package dev.ecoscan.bootstrap.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * An outcome as JSON in the reference API's body shape ({@code task_id}, {@code status},
 * {@code pipeline_result}, {@code reward}, {@code error}), plus eco-scan's {@code reward_status},
 * per-step {@code timings} and the tokens of each LLM step ({@code llm_usage}).
 */
public final class OutcomeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OutcomeJson() {
    }

    public static String render(ScanOutcome outcome, Optional<String> question, List<ModelCall> calls) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("task_id", outcome.scanId().toString());
        switch (outcome) {
            case ScanOutcome.Completed done -> {
                body.put("status", "completed");
                body.put("message", "ok");
                ObjectNode result = body.putObject("pipeline_result");
                result.set("classification_result", classification(done.classification(), question));
                result.set("disposal_rules", rule(done.rule(), done.classification()));
                result.set("final_answer", answer(done.answer()));
                reward(body, done.reward());
                body.putNull("error");
            }
            case ScanOutcome.Rejected rejected -> {
                body.put("status", "failed");
                body.put("message", rejected.detail());
                ObjectNode result = body.putObject("pipeline_result");
                rejected.classification().ifPresentOrElse(
                        c -> result.set("classification_result", classification(c, question)),
                        () -> result.putNull("classification_result"));
                body.putNull("reward");
                ObjectNode error = body.putObject("error");
                error.put("code", rejected.reason().name());
                error.put("detail", rejected.detail());
            }
            case ScanOutcome.Failed failed -> {
                body.put("status", "failed");
                body.put("message", failed.detail());
                body.putNull("pipeline_result");
                body.putNull("reward");
                ObjectNode error = body.putObject("error");
                error.put("code", failed.kind().name());
                error.put("step", failed.step().label());
                error.put("detail", failed.detail());
            }
        }
        ArrayNode timings = body.putArray("timings");
        for (StepEvent event : outcome.timings()) {
            ObjectNode timing = timings.addObject();
            timing.put("step", event.step().label());
            timing.put("seconds", BigDecimal.valueOf(event.duration().toNanos(), 9).setScale(6, RoundingMode.HALF_UP));
            timing.put("status", event.status().label());
        }
        ArrayNode usage = body.putArray("llm_usage");
        for (ModelUsage step : ModelUsage.of(calls)) {
            ObjectNode node = usage.addObject();
            node.put("step", step.step().label());
            node.put("model", step.model());
            node.put("calls", step.calls());
            node.put("input_tokens", step.inputTokens());
            node.put("cached_input_tokens", step.cachedInputTokens());
            node.put("output_tokens", step.outputTokens());
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static ObjectNode classification(Classification c, Optional<String> question) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode names = node.putObject("classification");
        names.put("major_category", c.path().major().name());
        names.put("middle_category", c.path().middle().map(m -> m.name()).orElse(""));
        names.put("minor_category", c.item().name());
        names.put("item_id", c.item().id().value());
        ArrayNode tags = node.putArray("situation_tags");
        c.situation().stream().map(SituationTag::label).forEach(tags::add);
        node.putObject("meta").put("user_input", question.orElse(""));
        return node;
    }

    private static ObjectNode rule(DisposalRule rule, Classification c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("key", rule.key().value());
        node.put("요약", rule.summary());
        ArrayNode targets = node.putArray("대상");
        rule.targets().forEach(targets::add);
        node.put("배출방법_공통", String.join("\n", rule.commonSteps()));
        ArrayNode details = node.putArray("배출방법_세부");
        rule.itemStepsFor(c.item()).forEach(details::add);
        ArrayNode excluded = node.putArray("배출불가");
        rule.notAccepted().forEach(excluded::add);
        return node;
    }

    private static ObjectNode answer(Answer answer) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode steps = node.putObject("disposal_steps");
        for (int i = 0; i < answer.steps().size(); i++) {
            steps.put("단계" + (i + 1), answer.steps().get(i));
        }
        ArrayNode missing = node.putArray("insufficiencies");
        answer.insufficiencies().forEach(missing::add);
        node.put("user_answer", answer.userAnswer());
        return node;
    }

    private static void reward(ObjectNode body, RewardOutcome reward) {
        ObjectNode status = MAPPER.createObjectNode();
        switch (reward) {
            case RewardOutcome.Granted granted -> {
                body.set("reward", character(granted.character(), true, granted.matchReason()));
                status.put("status", "granted");
            }
            case RewardOutcome.AlreadyOwned owned -> {
                body.set("reward", character(owned.character(), false, owned.matchReason()));
                status.put("status", "already_owned");
            }
            case RewardOutcome.NotEligible notEligible -> {
                body.putNull("reward");
                status.put("status", "not_eligible");
                status.put("reason", notEligible.reason());
            }
            case RewardOutcome.Unavailable unavailable -> {
                body.putNull("reward");
                status.put("status", "unavailable");
                status.put("reason", unavailable.reason());
            }
        }
        body.set("reward_status", status);
    }

    private static ObjectNode character(Character character, boolean received, String reason) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("received", received);
        node.put("already_owned", !received);
        node.put("name", character.name());
        node.put("dialog", character.dialog());
        node.put("match_reason", reason);
        node.put("character_type", character.type());
        return node;
    }
}
