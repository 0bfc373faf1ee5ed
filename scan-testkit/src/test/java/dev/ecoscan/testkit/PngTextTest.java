package dev.ecoscan.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTextTest {

    @Test
    void a_written_text_chunk_reads_back_and_the_image_still_decodes() throws IOException {
        byte[] png = PngText.write(tinyPng(), PngText.ITEM_KEY, "recyclable.paper.newspaper");

        assertThat(PngText.read(png)).containsEntry(PngText.ITEM_KEY, "recyclable.paper.newspaper");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png))).isNotNull();
    }

    @Test
    void bytes_that_are_not_a_png_have_no_text() {
        assertThat(PngText.read("GIF89a....".getBytes())).isEmpty();
        assertThatThrownBy(() -> PngText.write(new byte[] {1, 2, 3}, "k", "v")).hasMessageContaining("not a PNG");
    }

    @Test
    void a_truncated_png_gives_what_it_has_without_throwing() throws IOException {
        byte[] png = PngText.write(tinyPng(), PngText.ITEM_KEY, "food.fruit-peel");

        for (int length = 0; length < png.length; length++) {
            assertThat(PngText.read(Arrays.copyOf(png, length))).doesNotContainKey("other");
        }
    }

    static byte[] tinyPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
