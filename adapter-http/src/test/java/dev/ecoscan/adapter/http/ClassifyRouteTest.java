package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testservers.Eventually;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The classify route over real HTTP, on the testkit's pipeline. */
class ClassifyRouteTest {

    private static final String MILK = "{\"image_url\":\"https://img.example/milk.png\",\"user_input\":\"\"}";

    @Test
    void a_completed_scan_answers_200_with_the_reference_body() {
        try (ApiFixture api = new ApiFixture(
                ScanTestKit.pipeline()
                        .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                        .answers(CannedAnswers.clean())
                        .build(),
                10)) {

            HttpResponse<String> response = api.classify(MILK);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            JsonNode body = ApiFixture.json(response);
            assertThat(body.path("task_id").asText()).isNotBlank();
            assertThat(body.path("status").asText()).isEqualTo("completed");
            assertThat(body.path("message").asText()).isEqualTo("ok");
            JsonNode classification = body.at("/pipeline_result/classification_result/classification");
            assertThat(classification.path("major_category").asText()).isEqualTo("재활용폐기물");
            assertThat(classification.path("middle_category").asText()).isEqualTo("종이팩");
            assertThat(classification.path("minor_category").asText()).isEqualTo("우유팩");
            assertThat(body.at("/pipeline_result/disposal_rules/key").asText()).isEqualTo("재활용폐기물_종이팩");
            assertThat(body.at("/pipeline_result/final_answer/disposal_steps/단계1")
                            .asText())
                    .isNotBlank();
            assertThat(body.at("/reward/received").asBoolean()).isTrue();
            assertThat(body.at("/reward/already_owned").asBoolean()).isFalse();
            assertThat(body.path("error").isNull()).isTrue();
            assertThat(body.path("timings")).hasSize(4);
            assertThat(api.observedIncluding("POST /api/v1/scan/classify 200"))
                    .contains("POST /api/v1/scan/classify 200");
            assertThat(api.scans).hasSize(1);
        }
    }

    @Test
    void an_item_outside_the_taxonomy_is_a_422_problem_with_the_task_id() {
        try (ApiFixture api = new ApiFixture(
                ScanTestKit.pipeline()
                        .classifier(ScriptedClassifier.labelling("미분류", null, "외계 물체"))
                        .build(),
                10)) {

            HttpResponse<String> response = api.classify(MILK);

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            JsonNode problem = ApiFixture.json(response);
            assertThat(problem.path("code").asText()).isEqualTo("out_of_taxonomy");
            assertThat(problem.path("status").asInt()).isEqualTo(422);
            assertThat(problem.path("task_id").asText()).isNotBlank();
            assertThat(problem.path("message").asText())
                    .isEqualTo(problem.path("detail").asText());
        }
    }

    @Test
    void a_provider_outage_is_503_with_retry_after_and_a_deadline_504() {
        try (ApiFixture down = new ApiFixture(
                        ScanTestKit.pipeline()
                                .classifier(ScriptedClassifier.failing(FailureKind.UPSTREAM_UNAVAILABLE))
                                .build(),
                        10);
                ApiFixture slow = new ApiFixture(
                        ScanTestKit.pipeline()
                                .classifier(ScriptedClassifier.returning(
                                        new ClassifierVerdict.Failure(FailureKind.DEADLINE_EXCEEDED, "too slow")))
                                .build(),
                        10)) {

            HttpResponse<String> unavailable = down.classify(MILK);
            HttpResponse<String> late = slow.classify(MILK);

            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
            assertThat(ApiFixture.json(unavailable).path("code").asText()).isEqualTo("model_unavailable");
            assertThat(late.statusCode()).isEqualTo(504);
            assertThat(ApiFixture.json(late).path("code").asText()).isEqualTo("deadline_exceeded");
        }
    }

    @Test
    void past_the_in_flight_bound_a_scan_is_refused_at_once_with_503() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedClassifier blocking = new ScriptedClassifier(request -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ClassifierVerdict.Unclassifiable("released");
        });
        try (ApiFixture api = new ApiFixture(
                        ScanTestKit.pipeline().classifier(blocking).build(), 1);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> first = threads.submit(() -> api.classify(MILK));
            holding.await();

            HttpResponse<String> second = api.classify(MILK);

            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).contains("1");
            assertThat(ApiFixture.json(second).path("code").asText()).isEqualTo("overloaded");
            assertThat(api.server.scansInFlight()).isEqualTo(1);
            release.countDown();
            assertThat(first.get().statusCode()).isEqualTo(422);
            // The slot is given back just after the answer's last byte, so the client may be first.
            Eventually.holds("the first scan's slot is given back", () -> api.server.scansInFlight() == 0);
        }
    }

    @Test
    void a_user_past_the_rate_limit_gets_429_with_retry_after() {
        try (ApiFixture api = new ApiFixture(
                ScanTestKit.pipeline()
                        .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                        .build(),
                10,
                java.util.Optional.of(RateLimit.parse("2/min")))) {

            assertThat(api.classify(MILK).statusCode()).isEqualTo(200);
            assertThat(api.classify(MILK).statusCode()).isEqualTo(200);
            HttpResponse<String> third = api.classify(MILK);

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(ApiFixture.json(third).path("code").asText()).isEqualTo("rate_limited");
            assertThat(third.headers().firstValue("Retry-After").map(Integer::parseInt))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 30));
        }
    }
}
