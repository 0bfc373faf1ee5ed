package dev.ecoscan.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.SituationTag;
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

    private final SampleLabelClassifier classifier =
            new SampleLabelClassifier(KnowledgeBase.embedded().taxonomy());

    @Test
    void the_item_and_tags_in_the_text_chunks_become_a_classification() throws IOException {
        byte[] png = PngText.write(
                PngText.write(PngTextTest.tinyPng(), PngText.ITEM_KEY, "recyclable.paper-pack.milk-carton"),
                PngText.TAGS_KEY,
                "contents-empty, rinsed");

        ClassifierVerdict verdict = classify(png);

        assertThat(verdict).isInstanceOfSatisfying(ClassifierVerdict.Classified.class, classified -> {
            assertThat(classified.classification().path().display()).isEqualTo("재활용폐기물 > 종이팩 > 우유팩");
            assertThat(classified.classification().situation())
                    .extracting(SituationTag::id)
                    .containsExactly("contents-empty", "rinsed");
        });
    }

    @Test
    void a_png_without_the_chunk_is_unclassifiable() throws IOException {
        assertThat(classify(PngTextTest.tinyPng())).isInstanceOf(ClassifierVerdict.Unclassifiable.class);
    }

    @Test
    void an_id_the_taxonomy_lacks_is_out_of_the_taxonomy() throws IOException {
        byte[] png = PngText.write(PngTextTest.tinyPng(), PngText.ITEM_KEY, "alien.ufo");

        assertThat(classify(png)).isInstanceOf(ClassifierVerdict.OutOfTaxonomy.class);
    }

    @Test
    void every_sample_image_classifies_into_the_taxonomy_except_the_unknown_gadget() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(12);
        for (Path sample : samples) {
            ClassifierVerdict verdict = classify(Files.readAllBytes(sample));
            if (sample.getFileName().toString().startsWith("unknown-")) {
                assertThat(verdict).as(sample.toString()).isInstanceOf(ClassifierVerdict.OutOfTaxonomy.class);
            } else {
                assertThat(verdict).as(sample.toString()).isInstanceOf(ClassifierVerdict.Classified.class);
            }
        }
    }

    private ClassifierVerdict classify(byte[] png) {
        return classifier.classify(new ClassificationRequest(
                ScanId.random(), new Image(png, "image/png"), ImageHold.NONE, Optional.empty(), Instant.MAX));
    }
}
