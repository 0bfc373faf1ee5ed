package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.rule.Guide;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.SearchHit;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.domain.taxonomy.TaxonomyNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/v1/scan/categories}: the taxonomy and its situation tags, built once; with
 * {@code ?q=TEXT}, what that text finds, each match with where it goes, its steps and sources, so a
 * person without a photo can ask how to throw something away.
 */
final class CategoriesBody {

    /** Longer than any name or alias; a longer query is not a word someone is looking up. */
    static final int MAX_QUERY_LENGTH = 100;
    /** Matches returned at most, best first. */
    static final int MAX_MATCHES = 20;

    private CategoriesBody() {}

    /** The search body for {@code ?q=}, or empty when there is no query (the tree is served then). */
    static Optional<byte[]> query(Optional<String> q, Guide guide) {
        if (q.isEmpty()) {
            return Optional.empty();
        }
        String text = q.get().strip();
        if (text.isEmpty() || text.length() > MAX_QUERY_LENGTH) {
            throw new ProblemException(
                    ProblemCode.INVALID_REQUEST,
                    "q must be 1 to " + MAX_QUERY_LENGTH + " characters of what to throw away");
        }
        List<Guide.Finding> found = guide.find(text);
        ObjectNode root = ScanBodies.JSON.createObjectNode();
        root.put("query", text);
        root.put("total", found.size());
        ArrayNode matches = root.putArray("matches");
        found.stream().limit(MAX_MATCHES).forEach(finding -> match(matches.addObject(), finding, guide.taxonomy()));
        return Optional.of(bytes(root));
    }

    private static void match(ObjectNode into, Guide.Finding finding, Taxonomy taxonomy) {
        SearchHit hit = finding.hit();
        into.put("id", hit.node().id().value());
        into.put("name", hit.node().name());
        into.put(
                "kind",
                switch (hit.node()) {
                    case Item item -> "item";
                    case MiddleCategory middle -> "middle";
                    case MajorCategory major -> "major";
                });
        into.put("path", hit.display(taxonomy));
        into.put("match", hit.match().name().toLowerCase(Locale.ROOT));
        into.put("matched", hit.spelling());
        hit.variant().ifPresent(variant -> into.put("variant", variant.names().korean()));
        finding.rule().ifPresent(rule -> into.put("rule_key", rule.key().value()));
        finding.advice().ifPresent(advice -> {
            ObjectNode node = into.putObject("advice");
            node.put("destination", advice.destination());
            node.put("summary", advice.summary());
            ArrayNode steps = node.putArray("steps");
            advice.steps().forEach(steps::add);
            advice.regionalNotice().ifPresent(notice -> node.put("regional_note", notice));
            node.set("sources", ScanBodies.sources(advice));
        });
    }

    static byte[] of(Taxonomy taxonomy) {
        ObjectNode root = ScanBodies.JSON.createObjectNode();
        ArrayNode majors = root.putArray("majors");
        for (MajorCategory major : taxonomy.majors()) {
            ObjectNode node = node(majors.addObject(), major);
            node.put("recyclable", major.recyclable());
            ArrayNode middles = node.putArray("middles");
            for (MiddleCategory middle : major.middles()) {
                items(
                        node(middles.addObject(), middle).putArray("items"),
                        middle.items().toArray(Item[]::new));
            }
            items(node.putArray("items"), major.items().toArray(Item[]::new));
        }
        ArrayNode tags = root.putArray("situation_tags");
        for (SituationTag tag : taxonomy.situationTags()) {
            ObjectNode node = tags.addObject();
            node.put("id", tag.id());
            node.put("label", tag.label());
            node.put("group", tag.group());
            tag.advice().ifPresent(advice -> node.put("advice", advice));
        }
        return bytes(root);
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return ScanBodies.JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static void items(ArrayNode into, Item... items) {
        for (Item item : items) {
            ArrayNode aliases = node(into.addObject(), item).putArray("aliases");
            item.names().aliases().forEach(aliases::add);
        }
    }

    private static ObjectNode node(ObjectNode into, TaxonomyNode node) {
        into.put("id", node.id().value());
        into.put("name", node.name());
        node.names().english().ifPresent(english -> into.put("en", english));
        return into;
    }
}
