package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.domain.taxonomy.TaxonomyNode;

/** {@code GET /api/v1/scan/categories}: the taxonomy and its situation tags, built once. */
final class CategoriesBody {

    private CategoriesBody() {
    }

    static byte[] of(Taxonomy taxonomy) {
        ObjectNode root = ScanBodies.JSON.createObjectNode();
        ArrayNode majors = root.putArray("majors");
        for (MajorCategory major : taxonomy.majors()) {
            ObjectNode node = node(majors.addObject(), major);
            node.put("recyclable", major.recyclable());
            ArrayNode middles = node.putArray("middles");
            for (MiddleCategory middle : major.middles()) {
                items(node(middles.addObject(), middle).putArray("items"), middle.items().toArray(Item[]::new));
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
