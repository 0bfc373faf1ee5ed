package dev.ecoscan.data;

import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.rule.ItemRule;
import dev.ecoscan.domain.rule.RuleKey;
import dev.ecoscan.domain.rule.RuleOverride;
import dev.ecoscan.domain.rule.Source;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.ItemVariant;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.domain.taxonomy.TaxonomyNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates the four data files. Any problem stops loading with a {@link DataFileException}
 * naming the file and the entry: duplicate ids, a rule for a node that does not exist, a node without
 * a rule, a recyclable rule without its reward-blocking tags or blocking on a tag that does not exist,
 * a recyclable middle without a character, a misspelt key.
 */
public final class KnowledgeBaseLoader {

    public static final String TAXONOMY = "taxonomy.yaml";
    public static final String TAGS = "situation-tags.yaml";
    public static final String RULES = "disposal-rules.yaml";
    public static final String CHARACTERS = "characters.yaml";
    public static final List<String> FILES = List.of(TAXONOMY, TAGS, RULES, CHARACTERS);

    private static final String RESOURCE_DIR = "/dev/ecoscan/data/";

    /** Where the files are read from. */
    @FunctionalInterface
    interface FileOpener {
        InputStream open(String name) throws IOException;
    }

    private final FileOpener opener;

    private KnowledgeBaseLoader(FileOpener opener) {
        this.opener = opener;
    }

    /** Loads the files shipped in this module. */
    public static KnowledgeBaseLoader fromClasspath() {
        return new KnowledgeBaseLoader(name -> {
            InputStream in = KnowledgeBaseLoader.class.getResourceAsStream(RESOURCE_DIR + name);
            if (in == null) {
                throw new IOException("resource " + RESOURCE_DIR + name + " is missing from the classpath");
            }
            return in;
        });
    }

    /** Loads the four files from a directory, e.g. a deployment's own edited copy. */
    public static KnowledgeBaseLoader fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new KnowledgeBaseLoader(name -> Files.newInputStream(directory.resolve(name)));
    }

    /** Copies the embedded files into a directory, as a starting point for an edited copy. */
    public static void exportEmbedded(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String name : FILES) {
            try (InputStream in = fromClasspath().opener.open(name)) {
                Files.copy(in, directory.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public KnowledgeBase load() {
        Taxonomy taxonomy = loadTaxonomy(loadTags());
        RuleBook rules = loadRules(taxonomy);
        CharacterCatalogue characters = loadCharacters(taxonomy);
        return new KnowledgeBase(taxonomy, rules, characters);
    }

    // ---- taxonomy.yaml -------------------------------------------------------------------------

    private static final Set<String> MAJOR_KEYS =
            Set.of("id", "name", "en", "cue", "aliases", "recyclable", "middles", "items");
    private static final Set<String> MIDDLE_KEYS = Set.of("id", "name", "en", "cue", "aliases", "items");
    private static final Set<String> ITEM_KEYS = Set.of("id", "name", "en", "aliases", "variants");
    private static final Set<String> VARIANT_KEYS = Set.of("tag", "name", "en", "aliases");

    private Taxonomy loadTaxonomy(List<SituationTag> tags) {
        YamlEntry root = YamlEntry.root(TAXONOMY, parse(TAXONOMY), Set.of("majors", AliasHygiene.ALLOW_LIST));
        AliasHygiene aliases = new AliasHygiene(root.texts(AliasHygiene.ALLOW_LIST));
        Set<String> tagIds = tags.stream().map(SituationTag::id).collect(Collectors.toSet());
        Map<NodeId, String> seen = new HashMap<>();
        List<MajorCategory> majors = new ArrayList<>();
        for (YamlEntry major : root.entries("majors", MAJOR_KEYS)) {
            NodeId id = nodeId(major, seen, null);
            aliases.check(major, id, names(major), false);
            List<MiddleCategory> middles = new ArrayList<>();
            for (YamlEntry middle : major.entries("middles", MIDDLE_KEYS)) {
                NodeId middleId = nodeId(middle, seen, id);
                aliases.check(middle, middleId, names(middle), false);
                List<Item> items = items(middle, seen, middleId, aliases, tagIds);
                // The cue is how a vision model tells categories apart without a list of every item.
                Optional<String> cue = Optional.of(middle.text("cue"));
                middles.add(build(middle, () -> new MiddleCategory(middleId, names(middle), items, cue)));
            }
            List<Item> items = items(major, seen, id, aliases, tagIds);
            boolean recyclable = major.flag("recyclable", false);
            Optional<String> cue = Optional.of(major.text("cue"));
            majors.add(build(major, () -> new MajorCategory(id, names(major), recyclable, middles, items, cue)));
        }
        aliases.finish(root);
        return build(root, () -> new Taxonomy(majors, tags));
    }

    private List<Item> items(
            YamlEntry parent, Map<NodeId, String> seen, NodeId parentId, AliasHygiene aliases, Set<String> tagIds) {
        List<Item> items = new ArrayList<>();
        for (YamlEntry item : parent.entries("items", ITEM_KEYS)) {
            NodeId id = nodeId(item, seen, parentId);
            aliases.check(item, id, names(item), true);
            List<ItemVariant> variants = new ArrayList<>();
            for (YamlEntry variant : item.entries("variants", VARIANT_KEYS)) {
                String tag = variant.text("tag");
                if (!tagIds.contains(tag)) {
                    throw variant.error("the variant's tag '" + tag + "' is not a situation tag id in " + TAGS);
                }
                Names names = build(variant, () -> names(variant));
                aliases.check(variant, id, names, false);
                variants.add(build(variant, () -> new ItemVariant(tag, names)));
            }
            items.add(build(item, () -> new Item(id, names(item), variants)));
        }
        return items;
    }

    /** Reads an entry's id: valid, unique in the file, and prefixed by its parent's id. */
    private static NodeId nodeId(YamlEntry entry, Map<NodeId, String> seen, NodeId parent) {
        NodeId id = build(entry, () -> NodeId.of(entry.text("id")));
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

    // ---- situation-tags.yaml -------------------------------------------------------------------

    private List<SituationTag> loadTags() {
        YamlEntry root = YamlEntry.root(TAGS, parse(TAGS), Set.of("groups"));
        Map<String, String> seen = new HashMap<>();
        List<SituationTag> tags = new ArrayList<>();
        for (YamlEntry group : root.entries("groups", Set.of("id", "name", "tags"))) {
            String groupId = group.text("id");
            group.text("name");
            for (YamlEntry tag : group.entries("tags", Set.of("id", "label", "advice"))) {
                SituationTag built = build(
                        tag,
                        () -> new SituationTag(tag.text("id"), tag.text("label"), groupId, tag.optionalText("advice")));
                for (String key : List.of(built.id(), built.label())) {
                    String first = seen.putIfAbsent(key, tag.path());
                    if (first != null) {
                        throw tag.error("'" + key + "' is already used by the tag at " + first);
                    }
                }
                tags.add(built);
            }
        }
        return tags;
    }

    // ---- disposal-rules.yaml -------------------------------------------------------------------

    private static final String REWARD_BLOCKED_BY = "reward_blocked_by";
    private static final Set<String> RULE_KEYS = Set.of(
            "node",
            "destination",
            "summary",
            "targets",
            "common_steps",
            "items",
            "not_accepted",
            "regional_note",
            SourceCatalogue.SOURCES,
            REWARD_BLOCKED_BY);
    private static final Set<String> OVERRIDE_KEYS = Set.of(
            "destination",
            "summary",
            "before",
            "instead",
            "after",
            "regional_note",
            SourceCatalogue.SOURCES,
            REWARD_BLOCKED_BY);
    private static final Set<String> ITEM_RULE_KEYS;

    static {
        Set<String> keys = new java.util.HashSet<>(OVERRIDE_KEYS);
        keys.add("variants");
        ITEM_RULE_KEYS = Set.copyOf(keys);
    }

    private RuleBook loadRules(Taxonomy taxonomy) {
        YamlEntry root = YamlEntry.root(RULES, parse(RULES), Set.of(SourceCatalogue.SOURCES, "rules"));
        SourceCatalogue sources = new SourceCatalogue(root);
        Set<NodeId> ruleNodes = taxonomy.ruleNodes().map(TaxonomyNode::id).collect(Collectors.toSet());
        Set<NodeId> recyclableMiddles =
                taxonomy.recyclableMiddles().map(MiddleCategory::id).collect(Collectors.toSet());
        Map<String, SituationTag> tagsById =
                taxonomy.situationTags().stream().collect(Collectors.toMap(SituationTag::id, tag -> tag));
        Map<NodeId, String> seen = new HashMap<>();
        List<DisposalRule> rules = new ArrayList<>();
        for (YamlEntry entry : root.entries("rules", RULE_KEYS)) {
            NodeId node = build(entry, () -> NodeId.of(entry.text("node")));
            TaxonomyNode target = taxonomy.node(node)
                    .orElseThrow(() -> entry.error("rule for '" + node + "', which is not in " + TAXONOMY));
            if (!ruleNodes.contains(node)) {
                throw entry.error(
                        "rules belong to middle categories and to majors without middles; '" + node + "' is neither");
            }
            String first = seen.putIfAbsent(node, entry.path());
            if (first != null) {
                throw entry.error("a second rule for '" + node + "', the first is at " + first);
            }
            boolean rewarding = recyclableMiddles.contains(node);
            OverrideReader overrides = new OverrideReader(sources, node, rewarding, tagsById);
            Map<NodeId, ItemRule> items = new LinkedHashMap<>();
            entry.keyedEntries("items", ITEM_RULE_KEYS).forEach((key, itemEntry) -> {
                NodeId itemId = build(itemEntry, () -> NodeId.of(key));
                CategoryPath path = taxonomy.pathOf(itemId)
                        .filter(p -> p.ruleNode().id().equals(node))
                        .orElseThrow(() ->
                                entry.error("items names '" + itemId + "', which is not an item of '" + node + "'"));
                items.put(itemId, itemRule(itemEntry, path.item().orElseThrow(), overrides));
            });
            requireVariantRules(entry, taxonomy, node, items);
            List<String> blockedBy = rewardBlockedBy(entry, node, rewarding, tagsById);
            List<Source> cited = sources.cited(entry, "a rule");
            RuleKey key = new RuleKey(ruleKeyOf(taxonomy, target));
            rules.add(build(
                    entry,
                    () -> new DisposalRule(
                            key,
                            node,
                            entry.text("destination"),
                            entry.text("summary"),
                            entry.texts("targets"),
                            entry.texts("common_steps"),
                            items,
                            entry.texts("not_accepted"),
                            entry.optionalText("regional_note"),
                            cited,
                            blockedBy)));
        }
        for (NodeId node : taxonomy.ruleNodes().map(TaxonomyNode::id).toList()) {
            if (!seen.containsKey(node)) {
                throw new DataFileException(
                        RULES,
                        "rules",
                        "'" + node + "' (" + taxonomy.node(node).orElseThrow().name()
                                + ") has no rule, so its items could not be answered");
            }
        }
        return new RuleBook(rules);
    }

    /** An item's entry: its own override (when it changes anything itself) and its variants. */
    private static ItemRule itemRule(YamlEntry entry, Item item, OverrideReader overrides) {
        boolean ownChange = OVERRIDE_KEYS.stream().anyMatch(k -> !k.equals(SourceCatalogue.SOURCES) && entry.has(k));
        Optional<RuleOverride> own = ownChange || !entry.has("variants")
                ? Optional.of(overrides.read(entry, "an item override"))
                : Optional.empty();
        Set<String> known = item.variants().stream().map(ItemVariant::tag).collect(Collectors.toSet());
        Map<String, RuleOverride> variants = new LinkedHashMap<>();
        entry.keyedEntries("variants", OVERRIDE_KEYS).forEach((tag, variant) -> {
            if (!known.contains(tag)) {
                throw variant.error(
                        "'" + item.id() + "' has no variant '" + tag + "' in " + TAXONOMY + "; its variants: " + known);
            }
            variants.put(tag, overrides.read(variant, "a variant"));
        });
        return build(entry, () -> new ItemRule(own, variants));
    }

    /**
     * Reads the item overrides and variants of one rule. Their own {@code reward_blocked_by} is checked
     * like the rule's, and only allowed where the rule earns a reward at all.
     */
    private record OverrideReader(
            SourceCatalogue sources, NodeId node, boolean rewarding, Map<String, SituationTag> tagsById) {

        RuleOverride read(YamlEntry entry, String what) {
            List<Source> cited = sources.cited(entry, what);
            Optional<List<String>> instead =
                    entry.has("instead") ? Optional.of(entry.texts("instead")) : Optional.empty();
            Optional<List<String>> blockedBy = Optional.empty();
            if (entry.has(REWARD_BLOCKED_BY)) {
                if (!rewarding) {
                    throw entry.error("'" + node + "' earns no reward, so '" + REWARD_BLOCKED_BY
                            + "' would never apply to " + what);
                }
                blockedBy = Optional.of(checkedBlockingTags(entry, tagsById));
            }
            Optional<List<String>> blocking = blockedBy;
            return build(
                    entry,
                    () -> new RuleOverride(
                            entry.optionalText("destination"),
                            entry.optionalText("summary"),
                            entry.texts("before"),
                            instead,
                            entry.texts("after"),
                            entry.optionalText("regional_note"),
                            cited,
                            blocking));
        }
    }

    /** An item with variants in the taxonomy needs advice for each, or one of them would get the other's. */
    private static void requireVariantRules(
            YamlEntry entry, Taxonomy taxonomy, NodeId node, Map<NodeId, ItemRule> items) {
        taxonomy.itemPaths()
                .filter(p -> p.ruleNode().id().equals(node))
                .flatMap(p -> p.item().stream())
                .filter(item -> !item.variants().isEmpty())
                .forEach(item -> {
                    Set<String> covered = Optional.ofNullable(items.get(item.id()))
                            .map(r -> r.variants().keySet())
                            .orElse(Set.of());
                    for (ItemVariant variant : item.variants()) {
                        if (!covered.contains(variant.tag())) {
                            throw entry.error("'" + item.id() + "' has the variant '" + variant.tag() + "' in "
                                    + TAXONOMY + " but no advice for it under items." + item.id() + ".variants");
                        }
                    }
                });
    }

    /**
     * The situation tags that keep an item of this rule from earning a character. A recyclable rule must
     * say which they are ({@code []} when none): a copy of the data that predates the list would
     * otherwise reward every scan, label on or not. Each must be a tag that needs action, so that the
     * person is told what to fix; other rules earn no reward, so a list there is a mistake.
     */
    private static List<String> rewardBlockedBy(
            YamlEntry entry, NodeId node, boolean rewarding, Map<String, SituationTag> tagsById) {
        if (!rewarding) {
            if (entry.has(REWARD_BLOCKED_BY)) {
                throw entry.error("'" + node + "' earns no reward, so '" + REWARD_BLOCKED_BY + "' would never apply");
            }
            return List.of();
        }
        if (!entry.has(REWARD_BLOCKED_BY)) {
            throw entry.error("missing '" + REWARD_BLOCKED_BY + "': the situation tags that keep an item of '" + node
                    + "' from earning a character ([] when none do)");
        }
        return checkedBlockingTags(entry, tagsById);
    }

    /** The entry's {@code reward_blocked_by}: ids of situation tags that exist and tell the person what to fix. */
    private static List<String> checkedBlockingTags(YamlEntry entry, Map<String, SituationTag> tagsById) {
        List<String> ids = entry.texts(REWARD_BLOCKED_BY);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            SituationTag tag = tagsById.get(id);
            if (tag == null) {
                throw entry.error("'" + REWARD_BLOCKED_BY + "[" + i + "]' names the situation tag '" + id
                        + "', which is not in " + TAGS + " (use the tag's id, not its label)");
            }
            if (!tag.needsAction()) {
                throw entry.error("'" + REWARD_BLOCKED_BY + "[" + i + "]' names '" + id + "', which has no advice in "
                        + TAGS + ", so the person would not be told what keeps the reward back");
            }
        }
        return ids;
    }

    private static String ruleKeyOf(Taxonomy taxonomy, TaxonomyNode node) {
        return switch (node) {
            case MiddleCategory middle ->
                taxonomy.majors().stream()
                                .filter(m -> m.middles().contains(middle))
                                .findFirst()
                                .orElseThrow()
                                .name() + "_" + middle.name();
            case MajorCategory major -> major.name();
            case Item item -> throw new IllegalStateException("items carry no rule of their own: " + item.id());
        };
    }

    // ---- characters.yaml -----------------------------------------------------------------------

    private CharacterCatalogue loadCharacters(Taxonomy taxonomy) {
        YamlEntry root = YamlEntry.root(CHARACTERS, parse(CHARACTERS), Set.of("characters"));
        Set<NodeId> recyclableMiddles =
                taxonomy.recyclableMiddles().map(MiddleCategory::id).collect(Collectors.toSet());
        Map<String, String> seenIds = new HashMap<>();
        Map<NodeId, String> seenMiddles = new HashMap<>();
        List<Character> characters = new ArrayList<>();
        for (YamlEntry entry :
                root.entries("characters", Set.of("id", "name", "type", "default", "middle", "dialog"))) {
            Optional<NodeId> middle = entry.optionalText("middle").map(m -> build(entry, () -> NodeId.of(m)));
            boolean isDefault = entry.flag("default", false);
            if (isDefault == middle.isPresent()) {
                throw entry.error("a character is either the default one or rewards one middle category");
            }
            middle.ifPresent(m -> {
                if (!recyclableMiddles.contains(m)) {
                    throw entry.error("'" + m + "' is not a recyclable middle category in " + TAXONOMY);
                }
                String first = seenMiddles.putIfAbsent(m, entry.path());
                if (first != null) {
                    throw entry.error("'" + m + "' already has the character at " + first);
                }
            });
            Character character = build(
                    entry,
                    () -> new Character(
                            entry.text("id"), entry.text("name"), entry.text("type"), entry.text("dialog"), middle));
            String first = seenIds.putIfAbsent(character.id(), entry.path());
            if (first != null) {
                throw entry.error("duplicate id '" + character.id() + "', first used at " + first);
            }
            characters.add(character);
        }
        for (MiddleCategory middle : taxonomy.recyclableMiddles().toList()) {
            if (!seenMiddles.containsKey(middle.id())) {
                throw new DataFileException(
                        CHARACTERS,
                        "characters",
                        "the recyclable middle category '" + middle.id() + "' (" + middle.name()
                                + ") has no character");
            }
        }
        return build(root, () -> new CharacterCatalogue(characters));
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private Object parse(String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (InputStream in = opener.open(name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException e) {
            throw new DataFileException(name, "(document)", "not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a domain constructor and turns its validation error into one naming the file and entry. */
    private static <T> T build(YamlEntry entry, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw entry.error(e.getMessage(), e);
        }
    }
}
