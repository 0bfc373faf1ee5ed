package dev.ecoscan.data;

import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.ItemVariant;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code taxonomy.yaml}: majors, middles, items and their variants. Ids are unique in the file
 * and start with their parent's; names and aliases pass {@link AliasHygiene}; a variant's tag is a
 * situation tag.
 */
final class TaxonomyFile {

    private static final Set<String> MAJOR_KEYS =
            Set.of("id", "name", "en", "cue", "aliases", "recyclable", "middles", "items");
    private static final Set<String> MIDDLE_KEYS = Set.of("id", "name", "en", "cue", "aliases", "items");
    private static final Set<String> ITEM_KEYS = Set.of("id", "name", "en", "aliases", "variants");
    private static final Set<String> VARIANT_KEYS = Set.of("tag", "name", "en", "aliases");

    private final AliasHygiene aliases;
    private final Set<String> tagIds;
    /** Each id read so far, with the path of the entry that declared it. */
    private final Map<NodeId, String> seen = new HashMap<>();

    private TaxonomyFile(AliasHygiene aliases, Set<String> tagIds) {
        this.aliases = aliases;
        this.tagIds = tagIds;
    }

    static Taxonomy read(Object document, List<SituationTag> tags) {
        YamlEntry root =
                YamlEntry.root(KnowledgeBaseLoader.TAXONOMY, document, Set.of("majors", AliasHygiene.ALLOW_LIST));
        AliasHygiene aliases = new AliasHygiene(root.texts(AliasHygiene.ALLOW_LIST));
        TaxonomyFile file =
                new TaxonomyFile(aliases, tags.stream().map(SituationTag::id).collect(Collectors.toSet()));
        List<MajorCategory> majors = new ArrayList<>();
        for (YamlEntry major : root.entries("majors", MAJOR_KEYS)) {
            majors.add(file.major(major));
        }
        aliases.finish(root);
        return root.build(() -> new Taxonomy(majors, tags));
    }

    private MajorCategory major(YamlEntry major) {
        NodeId id = nodeId(major, null);
        aliases.check(major, id, names(major), false);
        List<MiddleCategory> middles = new ArrayList<>();
        for (YamlEntry middle : major.entries("middles", MIDDLE_KEYS)) {
            NodeId middleId = nodeId(middle, id);
            aliases.check(middle, middleId, names(middle), false);
            List<Item> items = items(middle, middleId);
            // The cue is how a vision model tells categories apart without a list of every item.
            Optional<String> cue = Optional.of(middle.text("cue"));
            middles.add(middle.build(() -> new MiddleCategory(middleId, names(middle), items, cue)));
        }
        List<Item> items = items(major, id);
        boolean recyclable = major.flag("recyclable", false);
        Optional<String> cue = Optional.of(major.text("cue"));
        return major.build(() -> new MajorCategory(id, names(major), recyclable, middles, items, cue));
    }

    private List<Item> items(YamlEntry parent, NodeId parentId) {
        List<Item> items = new ArrayList<>();
        for (YamlEntry item : parent.entries("items", ITEM_KEYS)) {
            NodeId id = nodeId(item, parentId);
            aliases.check(item, id, names(item), true);
            List<ItemVariant> variants = new ArrayList<>();
            for (YamlEntry variant : item.entries("variants", VARIANT_KEYS)) {
                String tag = variant.text("tag");
                if (!tagIds.contains(tag)) {
                    throw variant.error(
                            "the variant's tag '" + tag + "' is not a situation tag id in " + KnowledgeBaseLoader.TAGS);
                }
                Names names = variant.build(() -> names(variant));
                aliases.check(variant, id, names, false);
                variants.add(variant.build(() -> new ItemVariant(tag, names)));
            }
            items.add(item.build(() -> new Item(id, names(item), variants)));
        }
        return items;
    }

    /** Reads an entry's id: valid, unique in the file, and prefixed by its parent's id. */
    private NodeId nodeId(YamlEntry entry, NodeId parent) {
        NodeId id = entry.build(() -> NodeId.of(entry.text("id")));
        String first = seen.putIfAbsent(id, entry.path());
        if (first != null) {
            throw entry.error("duplicate id '" + id + "', first used at " + first);
        }
        if (parent != null && !id.value().startsWith(parent.value() + ".")) {
            throw entry.error("id '" + id + "' must start with its parent's id '" + parent + ".'");
        }
        return id;
    }

    private static Names names(YamlEntry entry) {
        return new Names(entry.text("name"), entry.optionalText("en"), entry.texts("aliases"));
    }
}
