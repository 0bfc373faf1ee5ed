package dev.ecoscan.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.rule.Guide;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Rejection;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a {@link ScanOutcome} as JSON and reads it back in any process. Knowledge-base objects are
 * stored by id and looked up again, so the JSON stays small and a result always shows current data.
 * The question is not written: the job's record keeps it, and the reader passes it back in.
 */
public final class OutcomeCodec {

    private final Guide guide;
    private final ObjectMapper json = new ObjectMapper();
    private final StoredReward rewards;

    /** @param guide the taxonomy and the rules outcomes are rebuilt from; {@code characters} the rewards' */
    public OutcomeCodec(Guide guide, CharacterCatalogue characters) {
        this.guide = Objects.requireNonNull(guide, "guide");
        this.rewards = new StoredReward(Objects.requireNonNull(characters, "characters"), json);
    }

    public String encode(ScanOutcome outcome) {
        ObjectNode node = json.createObjectNode();
        node.put("scanId", outcome.scanId().toString());
        switch (outcome) {
            case ScanOutcome.Completed completed -> {
                node.put("type", "completed");
                node.set("classification", classification(completed.classification()));
                node.put("rule", completed.rule().node().value());
                node.set("answer", answer(completed.answer()));
                node.set("reward", rewards.write(completed.reward()));
            }
            case ScanOutcome.Rejected rejected -> {
                node.put("type", "rejected");
                node.put("reason", rejected.reason().name());
                node.put("detail", rejected.detail());
                rejected.classification().ifPresent(c -> node.set("classification", classification(c)));
            }
            case ScanOutcome.Failed failed -> {
                node.put("type", "failed");
                node.put("step", failed.step().name());
                node.put("kind", failed.kind().name());
                node.put("detail", failed.detail());
            }
        }
        ArrayNode timings = node.putArray("timings");
        for (StepEvent event : outcome.timings()) {
            timings.addObject()
                    .put("step", event.step().name())
                    .put("nanos", event.duration().toNanos())
                    .put("status", event.status().name());
        }
        return node.toString();
    }

    /**
     * @param question the question of the scan, from its job's record
     * @throws IllegalArgumentException when the JSON is not an outcome this knowledge base can rebuild
     */
    public ScanOutcome decode(String text, Optional<String> question) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored outcome is not JSON: " + e.getOriginalMessage(), e);
        }
        ScanId id = new ScanId(UUID.fromString(text(node, "scanId")));
        List<StepEvent> timings = new ArrayList<>();
        for (JsonNode timing : node.path("timings")) {
            timings.add(new StepEvent(
                    id,
                    Step.valueOf(text(timing, "step")),
                    Duration.ofNanos(timing.path("nanos").asLong()),
                    StepStatus.valueOf(text(timing, "status"))));
        }
        return switch (text(node, "type")) {
            case "completed" -> {
                NodeId ruleNode = NodeId.of(text(node, "rule"));
                DisposalRule rule = guide.ruleOf(ruleNode)
                        .orElseThrow(() -> new IllegalArgumentException("no disposal rule for '" + ruleNode + "'"));
                yield new ScanOutcome.Completed(
                        id,
                        question,
                        classification(node.path("classification")),
                        rule,
                        answer(node.path("answer")),
                        rewards.read(node.path("reward")),
                        timings);
            }
            case "rejected" ->
                new ScanOutcome.Rejected(
                        id,
                        question,
                        Rejection.valueOf(text(node, "reason")),
                        text(node, "detail"),
                        node.has("classification")
                                ? Optional.of(classification(node.path("classification")))
                                : Optional.empty(),
                        timings);
            case "failed" ->
                new ScanOutcome.Failed(
                        id,
                        question,
                        Step.valueOf(text(node, "step")),
                        FailureKind.valueOf(text(node, "kind")),
                        text(node, "detail"),
                        timings);
            default -> throw new IllegalArgumentException("unknown outcome type '" + text(node, "type") + "'");
        };
    }

    private ObjectNode classification(Classification classification) {
        ObjectNode node = json.createObjectNode();
        classification
                .item()
                .ifPresentOrElse(
                        item -> node.put("item", item.id().value()),
                        () -> node.put(
                                "category",
                                classification.path().ruleNode().id().value()));
        classification.unmatchedName().ifPresent(name -> node.put("unmatched_name", name));
        ArrayNode tags = node.putArray("situation");
        classification.situation().forEach(tag -> tags.add(tag.id()));
        return node;
    }

    private Classification classification(JsonNode node) {
        // An unrecognised item is kept as its category (a middle, or a major without middles).
        boolean hasItem = node.has("item");
        NodeId id = NodeId.of(text(node, hasItem ? "item" : "category"));
        CategoryPath path = (hasItem
                        ? guide.taxonomy().pathOf(id)
                        : guide.taxonomy().categoryPath(id))
                .orElseThrow(() -> new IllegalArgumentException(
                        "no " + (hasItem ? "item" : "category") + " '" + id + "' in the taxonomy"));
        List<SituationTag> tags = new ArrayList<>();
        for (JsonNode tag : node.path("situation")) {
            tags.add(guide.taxonomy()
                    .tag(tag.asText())
                    .orElseThrow(() -> new IllegalArgumentException("no situation tag '" + tag.asText() + "'")));
        }
        return new Classification(
                path,
                tags,
                node.has("unmatched_name")
                        ? Optional.of(node.path("unmatched_name").asText())
                        : Optional.empty());
    }

    private ObjectNode answer(Answer answer) {
        ObjectNode node = json.createObjectNode();
        node.put("userAnswer", answer.userAnswer());
        answer.steps().forEach(node.putArray("steps")::add);
        answer.insufficiencies().forEach(node.putArray("insufficiencies")::add);
        return node;
    }

    private static Answer answer(JsonNode node) {
        return new Answer(text(node, "userAnswer"), texts(node.path("steps")), texts(node.path("insufficiencies")));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("a stored outcome lacks the text field '" + field + "'");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
