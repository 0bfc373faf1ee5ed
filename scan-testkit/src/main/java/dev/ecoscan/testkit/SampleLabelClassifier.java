package dev.ecoscan.testkit;

import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.FailureKind;
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
 * An id the taxonomy lacks is passed on as it is, so the pipeline's own check rejects it.
 */
public final class SampleLabelClassifier implements Classifier {

    private final ImageSource images;
    private final Taxonomy taxonomy;

    public SampleLabelClassifier(ImageSource images, Taxonomy taxonomy) {
        this.images = Objects.requireNonNull(images, "images");
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    }

    @Override
    public ClassifierVerdict classify(ClassificationRequest request) {
        try (ImageLoad load = images.load(request.image())) {
            return switch (load) {
                case ImageLoad.Unreadable unreadable -> new ClassifierVerdict.UnreadableImage(unreadable.reason());
                case ImageLoad.Overloaded overloaded ->
                    new ClassifierVerdict.Failure(FailureKind.OVERLOADED, overloaded.reason());
                case ImageLoad.Loaded loaded -> classify(loaded.image().bytes());
            };
        }
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
        return new ClassifierVerdict.Labelled(labels);
    }

    private static Optional<NodeId> parse(String id) {
        try {
            return Optional.of(NodeId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
