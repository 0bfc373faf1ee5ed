package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.testkit.ScanTestKit;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed or refused upload is a problem+json with a stable code, on both scan routes, and holds nothing after. */
class UploadProblemsTest {

    /** A small image limit, so that the size refusals need no 10 MB bodies. */
    private static final int MAX_IMAGE = 4096;

    private static final ImageBudget BUDGET = new ImageBudget(1024L * 1024);
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        ImageFetchPolicy policy = ImageFetchPolicy.dev();
        api = new ApiFixture(
                ScanTestKit.pipeline().build(),
                new ImageUploads(MAX_IMAGE, policy::imageType, policy.acceptedTypesText(), Optional.of(BUDGET)));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static byte[] png(int size) {
        byte[] bytes = Arrays.copyOf(MultipartForms.milkCarton(), size);
        return bytes;
    }

    static Stream<Arguments> refusals() {
        byte[] png = png(1000);
        String type = MultipartForms.TYPE;
        return Stream.of(
                Arguments.of(
                        "no image",
                        type,
                        new MultipartForms().text("question", "hi").bytes(),
                        400,
                        "image_missing"),
                Arguments.of(
                        "an empty image",
                        type,
                        new MultipartForms()
                                .file("image", "e.png", "image/png", new byte[0])
                                .bytes(),
                        400,
                        "image_missing"),
                Arguments.of(
                        "image as a text field",
                        type,
                        new MultipartForms().text("image", "not a file").bytes(),
                        400,
                        "image_missing"),
                Arguments.of(
                        "two images",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .file("image", "b.png", "image/png", png)
                                .bytes(),
                        400,
                        "invalid_multipart"),
                Arguments.of(
                        "two questions",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .text("question", "a")
                                .text("question", "b")
                                .bytes(),
                        400,
                        "invalid_multipart"),
                Arguments.of(
                        "an unknown field",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .text("image_url", "https://img.example/x.png")
                                .bytes(),
                        400,
                        "invalid_multipart"),
                Arguments.of(
                        "a question sent as a file",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .file("question", "q.txt", "text/plain", "hi".getBytes(StandardCharsets.UTF_8))
                                .bytes(),
                        400,
                        "invalid_multipart"),
                Arguments.of(
                        "a text file declared as PNG",
                        type,
                        new MultipartForms()
                                .file(
                                        "image",
                                        "a.png",
                                        "image/png",
                                        "just some text, no image".getBytes(StandardCharsets.UTF_8))
                                .bytes(),
                        415,
                        "unsupported_image_type"),
                Arguments.of(
                        "no closing delimiter",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .unclosed(),
                        400,
                        "invalid_multipart"),
                Arguments.of(
                        "a part without Content-Disposition",
                        type,
                        new MultipartForms()
                                .part("Content-Type: image/png", png)
                                .bytes(),
                        400,
                        "invalid_multipart"),
                Arguments.of(
                        "an unterminated quote",
                        type,
                        new MultipartForms()
                                .part("Content-Disposition: form-data; name=\"image", png)
                                .bytes(),
                        400,
                        "invalid_multipart"),
                Arguments.of(
                        "no boundary",
                        "multipart/form-data",
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .bytes(),
                        400,
                        "invalid_multipart"),
                Arguments.of(
                        "another boundary",
                        "multipart/form-data; boundary=other",
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .bytes(),
                        400,
                        "invalid_multipart"),
                Arguments.of(
                        "not multipart at all",
                        type,
                        "hello".getBytes(StandardCharsets.UTF_8),
                        400,
                        "invalid_multipart"),
                Arguments.of("an empty body", type, new byte[0], 400, "invalid_multipart"),
                Arguments.of(
                        "a question too long",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .text("question", "가".repeat(501))
                                .bytes(),
                        400,
                        "user_input_too_long"),
                Arguments.of(
                        "a question with a bidi override",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .text("question", "a\u202Eb")
                                .bytes(),
                        400,
                        "invalid_request"),
                Arguments.of(
                        "a question not UTF-8",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png)
                                .part("Content-Disposition: form-data; name=\"question\"", new byte[] {(byte) 0xC3, 0x28
                                })
                                .bytes(),
                        400,
                        "invalid_request"),
                Arguments.of(
                        "an image over its limit",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png(MAX_IMAGE + 1))
                                .bytes(),
                        413,
                        "image_too_large"),
                Arguments.of(
                        "a body over its cap",
                        type,
                        new MultipartForms()
                                .file("image", "a.png", "image/png", png(MAX_IMAGE + ImageUploads.PART_ALLOWANCE + 1))
                                .bytes(),
                        413,
                        "body_too_large"),
                Arguments.of(
                        "text/plain",
                        "text/plain",
                        "image".getBytes(StandardCharsets.UTF_8),
                        415,
                        "unsupported_media_type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void is_a_problem_with_its_code_on_both_routes(
            String what, String contentType, byte[] body, int status, String code) {
        for (String path : new String[] {ScanApiServer.CLASSIFY, "/api/v1/scan"}) {
            HttpResponse<String> answer = MultipartForms.post(api, path, contentType, body);

            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(status);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(ApiFixture.json(answer).path("code").asText()).isEqualTo(code);
            assertThat(BUDGET.inUse()).as("nothing held after " + what).isZero();
        }
    }

    @Test
    void a_chunked_body_over_the_cap_is_413_once_the_cap_is_passed() {
        byte[] big = new MultipartForms()
                .file("image", "a.png", "image/png", png(64 * 1024))
                .bytes();
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                .header("Content-Type", MultipartForms.TYPE)
                .header("Cookie", "s_access=" + ApiFixture.token())
                // An input stream of unknown length: sent chunked, with no Content-Length to refuse early.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(ApiFixture.json(answer).path("code").asText()).isEqualTo("body_too_large");
        assertThat(BUDGET.inUse()).isZero();
    }

    @Test
    void a_declared_length_over_the_cap_is_413_before_any_body_is_read() {
        RawHttp.Answer answer = RawHttp.exchange(
                api.server.port(),
                RawHttp.request(
                        "POST /api/v1/scan/classify HTTP/1.1",
                        "Host: 127.0.0.1\r\nContent-Type: " + MultipartForms.TYPE + "\r\nCookie: s_access="
                                + ApiFixture.token() + "\r\nContent-Length: 50000000",
                        new byte[0]),
                Duration.ofSeconds(5));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"body_too_large\"");
        assertThat(BUDGET.peak()).as("nothing of it was ever held").isLessThan(1024L * 1024);
    }

    @Test
    void an_upload_without_credentials_is_401_and_nothing_is_read() {
        byte[] form = new MultipartForms()
                .file("image", "a.png", "image/png", png(1000))
                .bytes();
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                .header("Content-Type", MultipartForms.TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(BUDGET.inUse()).isZero();
    }
}
