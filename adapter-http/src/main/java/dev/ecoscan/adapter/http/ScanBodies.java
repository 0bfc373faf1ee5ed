package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.rule.Advice;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The reference API's body for a completed scan ({@code task_id}, {@code status},
 * {@code pipeline_result}, {@code reward}, {@code error}), so existing clients keep working, plus
 * eco-scan's {@code reward_status} and per-step {@code timings}. The command line prints the same.
 */
public final class ScanBodies {

    static final ObjectMapper JSON = new ObjectMapper();

    private ScanBodies() {}

    /** The body of a completed scan; the question it answers is echoed as {@code meta.user_input}. */
    public static ObjectNode completed(ScanOutcome.Completed done) {
        ObjectNode body = JSON.createObjectNode();
        body.put("task_id", done.scanId().toString());
        body.put("status", "completed");
        body.put("message", "ok");
        ObjectNode result = body.putObject("pipeline_result");
        result.set("classification_result", classification(done.classification(), done.question()));
        result.set("disposal_rules", rule(done.rule(), done.classification()));
        result.set("final_answer", answer(done.answer()));
        reward(body, done.reward());
        body.putNull("error");
        body.set("timings", timings(done));
        return body;
    }

    /** The classification part, also carried by a rejection that got that far, with the outcome's question. */
    public static ObjectNode classification(Classification c, Optional<String> question) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode names = node.putObject("classification");
        names.put("major_category", c.path().major().name());
        names.put("middle_category", c.path().middle().map(m -> m.name()).orElse(""));
        // Like the middle, an item eco-scan did not recognise is "" (the category's rule applies).
        names.put("minor_category", c.item().map(item -> item.name()).orElse(""));
        if (c.item().isPresent()) {
            names.put("item_id", c.item().get().id().value());
        } else {
            names.putNull("item_id");
        }
        names.put("item_recognised", c.item().isPresent());
        c.unmatchedName().ifPresent(name -> names.put("reported_item_name", name));
        ArrayNode tags = node.putArray("situation_tags");
        c.situation().stream().map(SituationTag::label).forEach(tags::add);
        node.putObject("meta").put("user_input", question.orElse(""));
        return node;
    }

    /** Each executed step with its seconds (microsecond precision) and status. */
    public static ArrayNode timings(ScanOutcome outcome) {
        ArrayNode timings = JSON.createArrayNode();
        for (StepEvent event : outcome.timings()) {
            ObjectNode timing = timings.addObject();
            timing.put("step", event.step().label());
            timing.put(
                    "seconds", BigDecimal.valueOf(event.duration().toNanos(), 9).setScale(6, RoundingMode.HALF_UP));
            timing.put("status", event.status().label());
        }
        return timings;
    }

    /**
     * The reference body's rule fields, filled from the advice for this item and situation: 배출방법_공통
     * holds every step in order (an item's steps may replace or precede the category's, so the two
     * can no longer be shown apart), and 배출방법_세부 holds what the district may do differently.
     */
    private static ObjectNode rule(DisposalRule rule, Classification c) {
        Advice advice = rule.adviceFor(c.item(), c.situation());
        ObjectNode node = JSON.createObjectNode();
        node.put("key", rule.key().value());
        node.put("요약", advice.summary());
        node.put("배출처", advice.destination());
        ArrayNode targets = node.putArray("대상");
        rule.targets().forEach(targets::add);
        node.put("배출방법_공통", String.join("\n", advice.steps()));
        ArrayNode details = node.putArray("배출방법_세부");
        advice.regionalNotice().ifPresent(details::add);
        ArrayNode excluded = node.putArray("배출불가");
        rule.notAccepted().forEach(excluded::add);
        node.set("출처", sources(advice));
        return node;
    }

    /** The public pages the advice comes from, as {@code [{"title": ..., "url": ...}]}. */
    static ArrayNode sources(Advice advice) {
        ArrayNode sources = JSON.createArrayNode();
        advice.sources()
                .forEach(source -> sources.addObject()
                        .put("title", source.title())
                        .put("url", source.url().toString()));
        return sources;
    }

    private static ObjectNode answer(Answer answer) {
        ObjectNode node = JSON.createObjectNode();
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
        ObjectNode status = JSON.createObjectNode();
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
        ObjectNode node = JSON.createObjectNode();
        node.put("received", received);
        node.put("already_owned", !received);
        node.put("name", character.name());
        node.put("dialog", character.dialog());
        node.put("match_reason", reason);
        node.put("character_type", character.type());
        return node;
    }
}
