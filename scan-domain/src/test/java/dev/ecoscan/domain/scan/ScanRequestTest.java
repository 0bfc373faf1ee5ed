package dev.ecoscan.domain.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanRequestTest {

    private static final UserId USER = new UserId("user-1");

    @Test
    void a_blank_question_counts_as_no_question() {
        ScanRequest request = new ScanRequest(
                ScanId.random(), ImageReference.parse("a.png"), Optional.of("   "), USER, Instant.EPOCH);

        assertThat(request.question()).isEmpty();
    }

    @Test
    void a_question_over_the_limit_is_refused() {
        String longQuestion = "가".repeat(ScanRequest.MAX_QUESTION_LENGTH + 1);

        assertThatThrownBy(() -> new ScanRequest(
                        ScanId.random(), ImageReference.parse("a.png"), Optional.of(longQuestion), USER, Instant.EPOCH))
                .hasMessageContaining("longer than");
    }

    @Test
    void image_references_are_urls_for_http_and_files_otherwise() {
        assertThat(ImageReference.parse("https://img.example/x.png"))
                .isEqualTo(new ImageReference.Url(URI.create("https://img.example/x.png")));
        assertThat(ImageReference.parse("samples/milk.png"))
                .isEqualTo(new ImageReference.File(Path.of("samples/milk.png")));
    }

    @Test
    void inline_images_compare_by_content() {
        assertThat(new ImageReference.Inline(new byte[] {1, 2}, "image/png"))
                .isEqualTo(new ImageReference.Inline(new byte[] {1, 2}, "image/png"))
                .isNotEqualTo(new ImageReference.Inline(new byte[] {1, 3}, "image/png"));
    }

    @Test
    void user_ids_refuse_control_characters_and_long_values() {
        assertThatThrownBy(() -> new UserId("a\nb")).hasMessageContaining("printable");
        assertThatThrownBy(() -> new UserId("x".repeat(129))).hasMessageContaining("128");
    }

    @Test
    void step_labels_are_the_reference_metric_labels() {
        assertThat(Step.values()).extracting(Step::label).containsExactly("vision", "rag", "answer", "reward_match");
    }
}
