package dev.ecoscan.domain.taxonomy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole waste-sorting taxonomy: majors, their middles and items, and the situation tags.
 * Ids are unique across all nodes; tag ids and labels are unique among tags.
 */
public final class Taxonomy {

    /** The group of tags that say why a photo could not be classified (blurry, not waste, ...). */
    public static final String UNCERTAIN_GROUP = "uncertain";

    private final List<MajorCategory> majors;
    private final List<SituationTag> tags;
    private final Map<NodeId, TaxonomyNode> nodes = new LinkedHashMap<>();
    private final Map<NodeId, CategoryPath> paths = new LinkedHashMap<>();
    private final Map<String, SituationTag> tagsByKey = new HashMap<>();
    private final TaxonomySearch finder;
    private final LabelResolver resolver;

    /**
     * A taxonomy of these categories and situation tags, checked as a whole.
     *
     * @param majors the major categories, in display order
     * @param tags   the situation tags
     * @throws IllegalArgumentException when it has no major category or its nodes or tags are inconsistent
     */
    public Taxonomy(List<MajorCategory> majors, List<SituationTag> tags) {
        this.majors = List.copyOf(Objects.requireNonNull(majors, "majors"));
        this.tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        if (this.majors.isEmpty()) {
            throw new IllegalArgumentException("the taxonomy has no major category");
        }
        Children.requireDistinct(this.majors, NodeId.of("taxonomy"));
        for (MajorCategory major : this.majors) {
            index(major);
            for (MiddleCategory middle : major.middles()) {
                index(middle);
                for (Item item : middle.items()) {
                    index(item);
                    paths.put(item.id(), new CategoryPath(major, Optional.of(middle), item));
                }
            }
            for (Item item : major.items()) {
                index(item);
                paths.put(item.id(), new CategoryPath(major, Optional.empty(), item));
            }
        }
        for (SituationTag tag : this.tags) {
            if (tagsByKey.putIfAbsent(tag.id(), tag) != null) {
                throw new IllegalArgumentException("duplicate situation tag id '" + tag.id() + "'");
            }
        }
        for (SituationTag tag : this.tags) {
            SituationTag twin = tagsByKey.putIfAbsent(tag.label(), tag);
            if (twin != null && twin != tag) {
                throw new IllegalArgumentException("situation tags '" + twin.id() + "' and '" + tag.id()
                        + "' share the label '" + tag.label() + "'");
            }
        }
        this.finder = new TaxonomySearch(this.majors, paths);
        this.resolver = new LabelResolver(this.majors, tagsByKey, finder);
    }

    private void index(TaxonomyNode node) {
        TaxonomyNode twin = nodes.putIfAbsent(node.id(), node);
        if (twin != null) {
            throw new IllegalArgumentException("duplicate node id '" + node.id() + "'");
        }
    }

    /** {@return the major categories, in display order} */
    public List<MajorCategory> majors() {
        return majors;
    }

    /** {@return every situation tag, in data order} */
    public List<SituationTag> situationTags() {
        return tags;
    }

    /**
     * Any node by its id.
     *
     * @param id a major's, middle's or item's id
     * @return the node, or empty when none has that id
     */
    public Optional<TaxonomyNode> node(NodeId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /**
     * The path of an item, by its id.
     *
     * @param itemId an item's id
     * @return its path, or empty when no item has that id
     */
    public Optional<CategoryPath> pathOf(NodeId itemId) {
        return Optional.ofNullable(paths.get(itemId));
    }

    /**
     * The path of a category without an item: a middle, or a major without middles (what a scan
     * found when the item was not recognised).
     *
     * @param ruleNode the id of a middle, or of a major without middles
     * @return the path without an item, or empty when the id names no rule node
     */
    public Optional<CategoryPath> categoryPath(NodeId ruleNode) {
        for (MajorCategory major : majors) {
            if (major.id().equals(ruleNode) && !major.hasMiddles()) {
                return Optional.of(new CategoryPath(major, Optional.empty(), Optional.empty()));
            }
            for (MiddleCategory middle : major.middles()) {
                if (middle.id().equals(ruleNode)) {
                    return Optional.of(new CategoryPath(major, Optional.of(middle), Optional.empty()));
                }
            }
        }
        return Optional.empty();
    }

    /** {@return every item, in the taxonomy's order} */
    public Stream<Item> items() {
        return itemPaths().flatMap(path -> path.item().stream());
    }

    /** {@return every item's path, in the taxonomy's order} */
    public Stream<CategoryPath> itemPaths() {
        return paths.values().stream();
    }

    /**
     * The nodes that own a disposal rule: every middle, and every major without middles.
     *
     * @return the rule nodes, in the taxonomy's order
     */
    public Stream<TaxonomyNode> ruleNodes() {
        return majors.stream()
                .flatMap(major ->
                        major.hasMiddles() ? major.middles().stream().map(TaxonomyNode.class::cast) : Stream.of(major));
    }

    /**
     * Middle categories of recyclable majors: each earns its own character.
     *
     * @return the middles that earn characters
     */
    public Stream<MiddleCategory> recyclableMiddles() {
        return majors.stream().filter(MajorCategory::recyclable).flatMap(m -> m.middles().stream());
    }

    /**
     * The tags a vision step is asked to report: those that change the advice (they carry advice of
     * their own, or pick a variant of an item) and those that say why a photo could not be classified
     * (group {@value #UNCERTAIN_GROUP}). Other tags describe without changing anything, so asking a
     * model for them would only cost tokens.
     *
     * @return the tags to ask a vision model for
     */
    public List<SituationTag> visionTags() {
        Set<String> variantTags = new HashSet<>();
        paths.values()
                .forEach(path -> path.item()
                        .ifPresent(item -> item.variants().forEach(variant -> variantTags.add(variant.tag()))));
        return tags.stream()
                .filter(tag -> tag.needsAction()
                        || variantTags.contains(tag.id())
                        || tag.group().equals(UNCERTAIN_GROUP))
                .toList();
    }

    /**
     * A situation tag by its id or Korean label.
     *
     * @param idOrLabel what a classifier or the data names it
     * @return the tag, or empty when there is none
     */
    public Optional<SituationTag> tag(String idOrLabel) {
        return Optional.ofNullable(tagsByKey.get(idOrLabel));
    }

    /**
     * Items, middles and majors a person's words find, best first: see {@link TaxonomySearch} for how
     * spelling, spacing and typos are treated and how hits are ranked.
     *
     * @param text what a person typed
     * @return the hits, best first, possibly none
     */
    public List<SearchHit> find(String text) {
        return finder.find(text);
    }

    /**
     * The items among {@link #find}'s hits, e.g. "우유" finds 우유팩.
     *
     * @param text what a person typed
     * @return the paths of the items found, best first
     */
    public List<CategoryPath> search(String text) {
        return find(text).stream()
                .flatMap(hit -> hit.path().stream())
                .distinct()
                .toList();
    }

    /**
     * Checks classifier labels against the taxonomy. The major and middle may be ids or Korean names
     * and must agree; every tag must exist. The item label is a name for the thing in the photo: an
     * item's id or name, or free text that eco-scan identifies among the category's items with its own
     * search (see {@link TaxonomySearch#identify}). Free text that names no item exactly keeps the
     * category, whose rule then applies, and no item: a name is never guessed.
     *
     * @param labels what a classifier said
     * @return the checked classification, or why the labels do not fit
     */
    public Resolution resolve(CategoryLabels labels) {
        return resolver.resolve(labels);
    }

    /** {@return how many items there are, for reports} */
    public int itemCount() {
        return paths.size();
    }
}
