package dev.ecoscan.bootstrap.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.scan.Step;
import java.util.List;

/** Scorecards as one JSON document for scripts: shares as numbers in [0, 1], times in milliseconds. */
public final class ScoreJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScoreJson() {}

    public static String render(String set, int images, List<Scorecard> cards) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("set", set);
        root.put("images", images);
        ArrayNode models = root.putArray("models");
        cards.forEach(card -> models.add(card(card)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static ObjectNode card(Scorecard card) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("model", card.model());
        node.put("scans", card.scans());
        node.put("failures", card.failures());
        ObjectNode accuracy = node.putObject("accuracy");
        ratio(accuracy, "major", card.major());
        ratio(accuracy, "middle", card.middle());
        ratio(accuracy, "item", card.item());
        ObjectNode tags = node.putObject("tags");
        ratio(tags, "precision", card.tagPrecision());
        ratio(tags, "recall", card.tagRecall());
        ObjectNode rejections = node.putObject("rejections");
        ratio(rejections, "expected_caught", card.rejections());
        ratio(rejections, "false", card.falseRejections());
        ObjectNode latency = node.putObject("latency_ms");
        for (Step step : Step.values()) {
            Latency value = card.steps().get(step);
            if (value != null) {
                latency(latency, step.label(), value);
            }
        }
        latency(latency, "scan", card.scan());
        ObjectNode tokens = node.putObject("tokens");
        tokens.put("input_uncached", card.tokens().uncachedInput());
        tokens.put("input_cached", card.tokens().cachedInput());
        tokens.put("output", card.tokens().output());
        tokens.put("calls", card.tokens().calls());
        if (card.costPerScanUsd().isPresent()) {
            node.put("cost_per_scan_usd", card.costPerScanUsd().get());
        } else {
            node.putNull("cost_per_scan_usd");
        }
        ArrayNode confusions = node.putArray("confusions");
        card.confusions()
                .forEach(confusion -> confusions
                        .addObject()
                        .put("expected", confusion.expected())
                        .put("found", confusion.found())
                        .put("count", confusion.count()));
        return node;
    }

    private static void ratio(ObjectNode parent, String name, Ratio ratio) {
        ObjectNode node = parent.putObject(name);
        if (ratio.share().isPresent()) {
            node.put("share", ratio.share().get());
        } else {
            node.putNull("share");
        }
        node.put("hits", ratio.hits());
        node.put("total", ratio.total());
    }

    private static void latency(ObjectNode parent, String name, Latency latency) {
        parent.putObject(name)
                .put("p50", latency.p50().toMillis())
                .put("p99", latency.p99().toMillis());
    }
}
