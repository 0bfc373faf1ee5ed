package dev.ecoscan.bootstrap.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledSetTest {

    private static final Taxonomy TAXONOMY = KnowledgeBase.embedded().taxonomy();
    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream notices = new ByteArrayOutputStream();
    private final LabelledSet reader =
            new LabelledSet(TAXONOMY, new PrintStream(notices, true, StandardCharsets.UTF_8));

    @Test
    void the_samples_carry_their_items_and_the_unknown_gadget_is_an_expected_rejection() {
        List<LabelledImage> images = reader.read(SAMPLES);

        assertThat(images).hasSize(13);
        LabelledImage gadget = images.stream()
                .filter(image -> image.path().endsWith("unknown-gadget.png"))
                .findFirst()
                .orElseThrow();
        assertThat(gadget.expected().isRejection()).isTrue();
        LabelledImage bottle = images.stream()
                .filter(image -> image.path().endsWith("water-bottle.png"))
                .findFirst()
                .orElseThrow();
        assertThat(bottle.expected().describe())
                .isEqualTo(bottle.expected()
                        .path()
                        .orElseThrow()
                        .item()
                        .orElseThrow()
                        .name());
        assertThat(bottle.expected().tags()).contains("vinyl-label-attached");
    }

    @Test
    void a_csv_names_items_and_rejections_relative_to_itself() throws IOException {
        Files.write(dir.resolve("a.png"), png());
        Files.write(dir.resolve("b.png"), png());
        Files.writeString(
                dir.resolve("set.csv"),
                "image,expected,tags\na.png,recyclable.clear-pet.water-bottle,vinyl-label-attached\nb.png,rejected\n");

        List<LabelledImage> images = reader.read(dir.resolve("set.csv"));

        assertThat(images).hasSize(2);
        assertThat(images.get(0).expected().tags()).isEqualTo(Set.of("vinyl-label-attached"));
        assertThat(images.get(1).expected().isRejection()).isTrue();
    }

    @Test
    void a_sub_folder_names_the_item_of_its_images_and_unlabelled_images_are_left_out_with_a_notice()
            throws IOException {
        Files.createDirectories(dir.resolve("food.fruit-peel"));
        Files.write(dir.resolve("food.fruit-peel").resolve("peel.png"), png());
        Files.write(dir.resolve("plain.png"), png());

        List<LabelledImage> images = reader.read(dir);

        assertThat(images).hasSize(1);
        assertThat(images.get(0)
                        .expected()
                        .path()
                        .orElseThrow()
                        .item()
                        .orElseThrow()
                        .id()
                        .value())
                .isEqualTo("food.fruit-peel");
        assertThat(notices.toString(StandardCharsets.UTF_8))
                .contains("plain.png")
                .contains("left out");
    }

    @Test
    void a_written_label_the_taxonomy_lacks_is_an_error_naming_the_line() throws IOException {
        Files.write(dir.resolve("a.png"), png());
        Files.writeString(dir.resolve("set.csv"), "a.png,recyclable.no-such-thing\n");

        assertThatThrownBy(() -> reader.read(dir.resolve("set.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set.csv line 1")
                .hasMessageContaining("recyclable.no-such-thing");
    }

    /** A PNG without any label of its own. */
    private static byte[] png() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        return png.toByteArray();
    }
}
