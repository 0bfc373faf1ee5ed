package dev.ecoscan.testkit;

import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A classifier that reads the answer from the image's PNG text chunk instead of looking at it.
 * It classifies eco-scan's sample images exactly, which is what demos and tests without a model need.
 * Its labels are resolved against the taxonomy like a real classifier's, so an id the taxonomy lacks
 * is an {@link ClassifierVerdict.OutOfTaxonomy} verdict.
 */
public final class SampleLabelClassifier implements Classifier {

    private final Taxonomy taxonomy;

    /**
     * A classifier resolving the images' labels against this taxonomy.
     *
     * @param taxonomy the taxonomy the labels must name
     */
    public SampleLabelClassifier(Taxonomy taxonomy) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    }

    @Override
    public ClassifierVerdict classify(ClassificationRequest request) {
        return classify(request.image().bytes());
    }

    private ClassifierVerdict classify(byte[] bytes) {
        if (!PngText.isPng(bytes)) {
            return new ClassifierVerdict.Unclassifiable("this fake classifier reads only PNGs with an "
                    + PngText.ITEM_KEY + " text chunk, like the files in samples/");
        }
        Map<String, String> texts = PngText.read(bytes);
        String itemId = texts.get(PngText.ITEM_KEY);
        if (itemId == null || itemId.isBlank()) {
            return new ClassifierVerdict.Unclassifiable("the image has no " + PngText.ITEM_KEY + " text chunk");
        }
        List<String> tags = Optional.ofNullable(texts.get(PngText.TAGS_KEY)).stream()
                .flatMap(t -> Arrays.stream(t.split(",")))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
        Optional<CategoryPath> path = parse(itemId.strip()).flatMap(taxonomy::pathOf);
        CategoryLabels labels = path.map(p -> new CategoryLabels(
                        p.major().name(), p.middle().map(m -> m.name()), p.itemOrCategoryName(), tags))
                .orElseGet(() -> new CategoryLabels(itemId.split("\\.")[0], Optional.empty(), itemId, tags));
        return ClassifierVerdict.of(taxonomy.resolve(labels));
    }

    private static Optional<NodeId> parse(String id) {
        try {
            return Optional.of(NodeId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
