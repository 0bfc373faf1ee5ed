package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.testkit.PngText;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleImageTest {

    @Test
    void a_labelled_sample_image_gives_its_item_and_tags() {
        byte[] png = Requests.labelledPng("recyclable.metal.can", " label-on , ,food-left");

        SampleImage image = SampleImage.of(dataUrl(png));

        assertThat(image.itemId()).contains("recyclable.metal.can");
        assertThat(image.tagIds()).containsExactly("label-on", "food-left");
    }

    @Test
    void the_simulator_reads_the_chunks_the_testkit_writes_in_file_order() {
        byte[] png = PngText.write(PngText.write(Requests.tinyPng(), "b", "2"), "a", "1");

        assertThat(PngTextReader.read(png)).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void an_unlabelled_or_broken_image_carries_nothing() {
        byte[] png = Requests.labelledPng("recyclable.metal.can", "");
        byte[] truncated = Arrays.copyOf(png, 40);

        assertThat(PngTextReader.read(Requests.tinyPng())).isEmpty();
        assertThat(PngTextReader.read(truncated)).isEmpty();
        assertThat(PngTextReader.read("not a png".getBytes())).isEmpty();
        assertThat(SampleImage.of("https://example.com/can.png").itemId()).isEmpty();
    }

    @Test
    void the_same_bytes_hash_the_same_and_different_bytes_differently() {
        String url = dataUrl(Requests.tinyPng());

        assertThat(SampleImage.of(url).stableHash())
                .isEqualTo(SampleImage.of(url).stableHash());
        assertThat(SampleImage.of(url).stableHash())
                .isNotEqualTo(SampleImage.of(dataUrl(Requests.labelledPng("food", "")))
                        .stableHash());
    }

    private static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
