package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The strict multipart/form-data parser on bodies as browsers and curl write them, and on broken ones. */
class MultipartFormTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_preamble_and_an_epilogue_are_ignored_and_quoted_parameters_may_hold_semicolons_and_quotes() {
        byte[] body = ascii("preamble\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"image\"; filename=\"a;b \\\"c\\\".png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"
                + "PNGDATA\r\n--b\r\n"
                + "content-disposition: form-data; name=question\r\n\r\n"
                + "어떻게?\r\n--b--\r\nepilogue");

        List<MultipartForm.Part> parts = MultipartForm.parse(body, body.length, "b");

        assertThat(parts).extracting(MultipartForm.Part::name).containsExactly("image", "question");
        MultipartForm.Part image = parts.getFirst();
        assertThat(image.filename()).contains("a;b \"c\".png");
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(new String(body, image.from(), image.size(), StandardCharsets.UTF_8))
                .isEqualTo("PNGDATA");
        MultipartForm.Part question = parts.get(1);
        assertThat(question.filename()).isEqualTo(Optional.empty());
        assertThat(new String(body, question.from(), question.size(), StandardCharsets.UTF_8))
                .isEqualTo("어떻게?");
    }

    @Test
    void content_that_holds_the_boundary_text_without_a_line_break_before_it_stays_content() {
        byte[] body = ascii("--b\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nx--by\r\n--b--\r\n");

        MultipartForm.Part part = MultipartForm.parse(body, body.length, "b").getFirst();

        assertThat(new String(body, part.from(), part.size(), StandardCharsets.US_ASCII))
                .isEqualTo("x--by");
    }

    @Test
    void broken_bodies_are_invalid_multipart() {
        for (String broken : List.of(
                "",
                "--bX\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nx\r\n--b--",
                "--b\r\nContent-Disposition: form-data; name=\"image\"\r\nx\r\n--b--",
                "--b\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nx",
                "--b\r\nContent-Disposition: attachment; name=\"image\"\r\n\r\nx\r\n--b--",
                "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--",
                "--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b--",
                "--b\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\nx\r\n--b--",
                "--b\r\nno colon here\r\n\r\nx\r\n--b--",
                ("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n").repeat(9) + "--b--")) {
            byte[] body = ascii(broken);
            assertThatThrownBy(() -> MultipartForm.parse(body, body.length, "b"))
                    .as(broken)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.problem().code()).isEqualTo(ProblemCode.INVALID_MULTIPART));
        }
    }
}
