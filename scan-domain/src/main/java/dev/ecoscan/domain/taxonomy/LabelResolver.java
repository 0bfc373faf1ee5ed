package dev.ecoscan.domain.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a classifier's labels against the taxonomy ({@link Taxonomy#resolve}): model output is
 * untrusted, so every label is looked up and the labels must agree with each other.
 */
final class LabelResolver {

    private final List<MajorCategory> majors;
    private final Map<String, SituationTag> tagsByKey;
    private final TaxonomySearch finder;

    LabelResolver(List<MajorCategory> majors, Map<String, SituationTag> tagsByKey, TaxonomySearch finder) {
        this.majors = majors;
        this.tagsByKey = tagsByKey;
        this.finder = finder;
    }

    Resolution resolve(CategoryLabels labels) {
        Optional<MajorCategory> major =
                majors.stream().filter(m -> names(m, labels.major())).findFirst();
        if (major.isEmpty()) {
            return new Resolution.OutOfTaxonomy("unknown major category '" + labels.major() + "'");
        }
        Optional<MiddleCategory> middle = Optional.empty();
        if (major.get().hasMiddles()) {
            if (labels.middle().isEmpty()) {
                return new Resolution.OutOfTaxonomy("'" + major.get().name() + "' needs a middle category");
            }
            middle = major.get().middles().stream()
                    .filter(m -> names(m, labels.middle().get()))
                    .findFirst();
            if (middle.isEmpty()) {
                return new Resolution.OutOfTaxonomy("'" + labels.middle().get() + "' is not a middle category of '"
                        + major.get().name() + "'");
            }
        } else if (labels.middle().isPresent()
                && !names(major.get(), labels.middle().get())) {
            return new Resolution.OutOfTaxonomy("'" + major.get().name() + "' has no middle category '"
                    + labels.middle().get() + "'");
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
        List<Item> candidates =
                middle.map(MiddleCategory::items).orElse(major.get().items());
        Optional<Item> exact =
                candidates.stream().filter(i -> names(i, labels.item())).findFirst();
        Optional<SearchHit> found = exact.isPresent()
                ? Optional.empty()
                : finder.identify(
                        labels.item(), candidates.stream().map(Item::id).collect(Collectors.toSet()));
        Optional<Item> item = exact.or(() -> found.map(hit -> (Item) hit.node()));
        // A name that named a variant ("물 아이스팩") says what the photo shows, as its tag would.
        found.flatMap(SearchHit::variant)
                .flatMap(variant -> Optional.ofNullable(tagsByKey.get(variant.tag())))
                .filter(tag -> !situation.contains(tag))
                .ifPresent(situation::add);
        CategoryPath path = new CategoryPath(major.get(), middle, item);
        return new Resolution.Resolved(
                new Classification(path, situation, item.isPresent() ? Optional.empty() : Optional.of(labels.item())));
    }

    private static boolean names(TaxonomyNode node, String label) {
        return node.id().value().equals(label) || node.name().equals(label);
    }
}
