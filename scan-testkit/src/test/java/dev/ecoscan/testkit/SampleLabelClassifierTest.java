package dev.ecoscan.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.Image;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleLabelClassifierTest {

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    /** Reads inline images as they are and local files from disk. */
    private final ImageSource images = reference -> switch (reference) {
        case ImageReference.Inline inline -> new ImageLoad.Loaded(new Image(inline.bytes(), inline.mediaType()));
        case ImageReference.File file -> {
            try {
                yield new ImageLoad.Loaded(new Image(Files.readAllBytes(file.path()), "image/png"));
            } catch (IOException e) {
                yield new ImageLoad.Unreadable("no such file: " + file.path());
            }
        }
        case ImageReference.Url url -> new ImageLoad.Unreadable("no network in tests");
    };

    private final SampleLabelClassifier classifier =
            new SampleLabelClassifier(images, KnowledgeBase.embedded().taxonomy());

    @Test
    void the_item_and_tags_in_the_text_chunks_become_korean_labels() throws IOException {
        byte[] png = PngText.write(
                PngText.write(PngTextTest.tinyPng(), PngText.ITEM_KEY, "recyclable.paper-pack.milk-carton"),
                PngText.TAGS_KEY,
                "contents-empty, rinsed");

        ClassifierVerdict verdict = classify(new ImageReference.Inline(png, "image/png"));

        assertThat(verdict)
                .isEqualTo(new ClassifierVerdict.Labelled(
                        new CategoryLabels("재활용폐기물", Optional.of("종이팩"), "우유팩", List.of("contents-empty", "rinsed"))));
    }

    @Test
    void a_png_without_the_chunk_is_unclassifiable() throws IOException {
        assertThat(classify(new ImageReference.Inline(PngTextTest.tinyPng(), "image/png")))
                .isInstanceOf(ClassifierVerdict.Unclassifiable.class);
    }

    @Test
    void an_image_the_source_cannot_read_is_unreadable() {
        assertThat(classify(ImageReference.parse("no/such/file.png")))
                .isInstanceOf(ClassifierVerdict.UnreadableImage.class);
    }

    @Test
    void every_sample_image_classifies_into_the_taxonomy_except_the_unknown_gadget() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(12);
        for (Path sample : samples) {
            ClassifierVerdict verdict = classify(new ImageReference.File(sample));
            assertThat(verdict).as(sample.toString()).isInstanceOf(ClassifierVerdict.Labelled.class);
            Resolution resolution =
                    KnowledgeBase.embedded().taxonomy().resolve(((ClassifierVerdict.Labelled) verdict).labels());
            if (sample.getFileName().toString().startsWith("unknown-")) {
                assertThat(resolution).as(sample.toString()).isInstanceOf(Resolution.OutOfTaxonomy.class);
            } else {
                assertThat(resolution).as(sample.toString()).isInstanceOf(Resolution.Resolved.class);
            }
        }
    }

    private ClassifierVerdict classify(ImageReference image) {
        return classifier.classify(new ClassificationRequest(ScanId.random(), image, Optional.empty(), Instant.MAX));
    }
}
