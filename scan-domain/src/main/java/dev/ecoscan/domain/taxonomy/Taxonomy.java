package dev.ecoscan.domain.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole waste-sorting taxonomy: majors, their middles and items, and the situation tags.
 * Ids are unique across all nodes; tag ids and labels are unique among tags.
 */
public final class Taxonomy {

    private final List<MajorCategory> majors;
    private final List<SituationTag> tags;
    private final Map<NodeId, TaxonomyNode> nodes = new LinkedHashMap<>();
    private final Map<NodeId, CategoryPath> paths = new LinkedHashMap<>();
    private final Map<String, SituationTag> tagsByKey = new HashMap<>();
    private final TaxonomySearch finder;

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
    }

    private void index(TaxonomyNode node) {
        TaxonomyNode twin = nodes.putIfAbsent(node.id(), node);
        if (twin != null) {
            throw new IllegalArgumentException("duplicate node id '" + node.id() + "'");
        }
    }

    public List<MajorCategory> majors() {
        return majors;
    }

    public List<SituationTag> situationTags() {
        return tags;
    }

    public Optional<TaxonomyNode> node(NodeId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The path of an item, by its id. */
    public Optional<CategoryPath> pathOf(NodeId itemId) {
        return Optional.ofNullable(paths.get(itemId));
    }

    public Stream<CategoryPath> itemPaths() {
        return paths.values().stream();
    }

    /** The nodes that own a disposal rule: every middle, and every major without middles. */
    public Stream<TaxonomyNode> ruleNodes() {
        return majors.stream().flatMap(major -> major.hasMiddles()
                ? major.middles().stream().map(TaxonomyNode.class::cast)
                : Stream.of(major));
    }

    /** Middle categories of recyclable majors: each earns its own character. */
    public Stream<MiddleCategory> recyclableMiddles() {
        return majors.stream().filter(MajorCategory::recyclable).flatMap(m -> m.middles().stream());
    }

    public Optional<SituationTag> tag(String idOrLabel) {
        return Optional.ofNullable(tagsByKey.get(idOrLabel));
    }

    /**
     * Items, middles and majors a person's words find, best first: see {@link TaxonomySearch} for how
     * spelling, spacing and typos are treated and how hits are ranked.
     */
    public List<SearchHit> find(String text) {
        return finder.find(text);
    }

    /** The items among {@link #find}'s hits, e.g. "우유" finds 우유팩. */
    public List<CategoryPath> search(String text) {
        return find(text).stream().flatMap(hit -> hit.path().stream()).distinct().toList();
    }

    /**
     * Checks classifier labels against the taxonomy. Each label may be an id or a Korean name; the
     * labels must agree (the item under the middle under the major), every tag must exist.
     */
    public Resolution resolve(CategoryLabels labels) {
        Optional<MajorCategory> major = majors.stream().filter(m -> names(m, labels.major())).findFirst();
        if (major.isEmpty()) {
            return new Resolution.OutOfTaxonomy("unknown major category '" + labels.major() + "'");
        }
        Optional<MiddleCategory> middle = Optional.empty();
        if (major.get().hasMiddles()) {
            if (labels.middle().isEmpty()) {
                return new Resolution.OutOfTaxonomy("'" + major.get().name() + "' needs a middle category");
            }
            middle = major.get().middles().stream().filter(m -> names(m, labels.middle().get())).findFirst();
            if (middle.isEmpty()) {
                return new Resolution.OutOfTaxonomy("'" + labels.middle().get() + "' is not a middle category of '"
                        + major.get().name() + "'");
            }
        } else if (labels.middle().isPresent() && !names(major.get(), labels.middle().get())) {
            return new Resolution.OutOfTaxonomy("'" + major.get().name() + "' has no middle category '"
                    + labels.middle().get() + "'");
        }
        List<Item> candidates = middle.map(MiddleCategory::items).orElse(major.get().items());
        Optional<Item> item = candidates.stream().filter(i -> names(i, labels.item())).findFirst();
        if (item.isEmpty()) {
            return new Resolution.OutOfTaxonomy("'" + labels.item() + "' is not an item of '"
                    + middle.<TaxonomyNode>map(m -> m).orElse(major.get()).name() + "'");
        }
        List<SituationTag> situation = new ArrayList<>();
        for (String label : labels.situationTags()) {
            SituationTag tag = tagsByKey.get(label);
            if (tag == null) {
                return new Resolution.OutOfTaxonomy("unknown situation tag '" + label + "'");
            }
            if (!situation.contains(tag)) {
                situation.add(tag);
            }
        }
        return new Resolution.Resolved(new Classification(new CategoryPath(major.get(), middle, item.get()), situation));
    }

    private static boolean names(TaxonomyNode node, String label) {
        return node.id().value().equals(label) || node.name().equals(label);
    }

    public int itemCount() {
        return paths.size();
    }
}
