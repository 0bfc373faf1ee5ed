package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.CannedImages;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import dev.ecoscan.testservers.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A photo uploaded as multipart/form-data on both scan routes: what reaches the scan, and the budget. */
class UploadRouteTest {

    private final List<ImageReference> seen = new CopyOnWriteArrayList<>();
    private final ImageBudget budget = new ImageBudget(64L * 1024 * 1024);

    private TestPipeline pipeline() {
        ImageSource canned = CannedImages.anyPhoto();
        return ScanTestKit.pipeline()
                .images(reference -> {
                    seen.add(reference);
                    return canned.load(reference);
                })
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(CannedAnswers.clean())
                .build();
    }

    @Test
    void an_uploaded_png_is_classified_and_reaches_the_scan_inline_with_its_question() {
        byte[] milk = MultipartForms.milkCarton();
        try (ApiFixture api = new ApiFixture(pipeline(), ApiFixture.uploads(Optional.of(budget)))) {
            byte[] form = new MultipartForms()
                    .file("image", "milk-carton.png", "application/octet-stream", milk)
                    .text("question", "  어떻게 버려요?  ")
                    .bytes();

            HttpResponse<String> response = MultipartForms.post(api, ScanApiServer.CLASSIFY, MultipartForms.TYPE, form);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = ApiFixture.json(response);
            assertThat(body.at("/pipeline_result/classification_result/classification/minor_category")
                            .asText())
                    .isEqualTo("우유팩");
            // The declared type was a lie; the first bytes decided.
            assertThat(seen).containsExactly(new ImageReference.Inline(milk, "image/png"));
            assertThat(api.scans.getFirst().question()).contains("어떻게 버려요?");
            assertThat(budget.peak())
                    .as("the upload was held while it was read")
                    .isGreaterThanOrEqualTo(milk.length);
            // The hold is given back just after the answer goes out.
            Eventually.holds("the budget is given back", () -> budget.inUse() == 0);
        }
    }

    @Test
    void an_uploaded_job_is_accepted_runs_on_the_bytes_and_gives_the_budget_back() {
        byte[] milk = MultipartForms.milkCarton();
        try (ApiFixture api = new ApiFixture(pipeline(), ApiFixture.uploads(Optional.of(budget)))) {
            byte[] form = new MultipartForms()
                    .file("image", "m.png", "image/png", milk)
                    .bytes();

            HttpResponse<String> accepted = MultipartForms.post(api, "/api/v1/scan", MultipartForms.TYPE, form);

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String result = ApiFixture.json(accepted).path("result_url").asText();
            Eventually.holds(
                    "the job is done",
                    () -> api.send(java.net.http.HttpRequest.newBuilder(api.uri(result))
                                            .header("Cookie", "s_access=" + ApiFixture.token())
                                            .GET())
                                    .statusCode()
                            == 200);
            assertThat(seen).containsExactly(new ImageReference.Inline(milk, "image/png"));
            // The hold is given back just after the answer goes out.
            Eventually.holds("the budget is given back", () -> budget.inUse() == 0);
        }
    }

    @Test
    void with_the_budget_full_an_upload_is_503_overloaded_with_retry_after_and_nothing_is_kept() {
        byte[] milk = MultipartForms.milkCarton();
        ImageBudget small = new ImageBudget(milk.length * 4L);
        try (ApiFixture api = new ApiFixture(pipeline(), ApiFixture.uploads(Optional.of(small)))) {
            byte[] form = new MultipartForms()
                    .file("image", "m.png", "image/png", milk)
                    .bytes();
            HttpResponse<String> refused;
            try (ImageHold others = small.tryHold(milk.length * 3L).orElseThrow()) {
                refused = MultipartForms.post(api, ScanApiServer.CLASSIFY, MultipartForms.TYPE, form);
                assertThat(small.inUse()).isEqualTo(others.bytes());
            }

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(ApiFixture.json(refused).path("code").asText()).isEqualTo("overloaded");
            assertThat(seen).isEmpty();
            assertThat(MultipartForms.post(api, ScanApiServer.CLASSIFY, MultipartForms.TYPE, form)
                            .statusCode())
                    .as("room again once the others let go")
                    .isEqualTo(200);
            Eventually.holds("the budget is given back", () -> small.inUse() == 0);
        }
    }

    @Test
    void a_client_that_leaves_halfway_through_its_upload_leaves_nothing_held() throws IOException {
        try (ApiFixture api = new ApiFixture(pipeline(), ApiFixture.uploads(Optional.of(budget)))) {
            byte[] half = new MultipartForms()
                    .file("image", "big.png", "image/png", new byte[200_000])
                    .unclosed();
            byte[] request = RawHttp.request(
                    "POST /api/v1/scan/classify HTTP/1.1",
                    "Host: 127.0.0.1\r\nContent-Type: " + MultipartForms.TYPE + "\r\nCookie: s_access="
                            + ApiFixture.token() + "\r\nContent-Length: 1000000",
                    half);

            // Sends the head and part of the body, waits until the server holds it, then gives up and closes.
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.server.port())) {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                Eventually.holds("the declared body is held", () -> budget.inUse() >= 1_000_000);
            }

            Eventually.holds("and given back once the client left", () -> budget.inUse() == 0);
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void a_json_body_still_works_beside_uploads() {
        try (ApiFixture api = new ApiFixture(pipeline(), ApiFixture.uploads(Optional.of(budget)))) {
            HttpResponse<String> response = api.classify("{\"image_url\":\"https://img.example/milk.png\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(seen.getFirst()).isInstanceOf(ImageReference.Url.class);
        }
    }
}
