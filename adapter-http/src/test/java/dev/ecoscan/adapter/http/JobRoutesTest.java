package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Asynchronous scans over real HTTP: submit, follow the events, fetch the result. */
class JobRoutesTest {

    private static final String MILK = "{\"image_url\":\"https://img.example/milk.png\",\"user_input\":\"\"}";

    @Test
    void a_submitted_scan_streams_its_stages_and_ends_with_the_classify_body() throws Exception {
        ScriptedClassifier classifier = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        try (ApiFixture api = fixture(classifier)) {
            HttpResponse<String> accepted = api.send(submit(api, Optional.empty()));

            assertThat(accepted.statusCode()).isEqualTo(202);
            JsonNode ticket = ApiFixture.json(accepted);
            String id = ticket.path("job_id").asText();
            assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/scan/" + id + "/result");
            assertThat(ticket.path("stream_url").asText()).isEqualTo("/api/v1/scan/" + id + "/events");

            HttpResponse<String> stream = api.send(events(api, id, null));
            List<String> names =
                    stream.body().lines().filter(l -> l.startsWith("event: ")).toList();
            assertThat(names)
                    .containsExactly(
                            "event: vision", "event: rag", "event: answer", "event: reward_match", "event: done");
            assertThat(stream.body().lines().filter(l -> l.startsWith("id: ")))
                    .containsExactly("id: 1", "id: 2", "id: 3", "id: 4", "id: 5");

            HttpResponse<String> result = api.send(HttpRequest.newBuilder(api.uri("/api/v1/scan/" + id + "/result"))
                    .header("Cookie", "s_access=" + ApiFixture.token())
                    .GET());
            HttpResponse<String> classify = api.classify(MILK);
            assertThat(result.statusCode()).isEqualTo(200);
            JsonNode job = ApiFixture.json(result);
            JsonNode sync = ApiFixture.json(classify);
            assertThat(job.path("pipeline_result")).isEqualTo(sync.path("pipeline_result"));
            assertThat(job.path("status").asText()).isEqualTo("completed");
        }
    }

    @Test
    void a_client_reconnecting_with_last_event_id_gets_only_what_it_missed() throws Exception {
        try (ApiFixture api = fixture(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))) {
            String id = ApiFixture.json(api.send(submit(api, Optional.empty())))
                    .path("job_id")
                    .asText();
            api.send(events(api, id, null));

            HttpResponse<String> resumed = api.send(events(api, id, "3"));

            assertThat(resumed.body().lines().filter(l -> l.startsWith("id: "))).containsExactly("id: 4", "id: 5");
        }
    }

    @Test
    void the_same_idempotency_key_twice_is_one_job_and_one_scan() {
        ScriptedClassifier classifier = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        try (ApiFixture api = fixture(classifier)) {
            String first = ApiFixture.json(api.send(submit(api, Optional.of("photo-42"))))
                    .path("job_id")
                    .asText();
            String second = ApiFixture.json(api.send(submit(api, Optional.of("photo-42"))))
                    .path("job_id")
                    .asText();
            api.send(events(api, first, null));

            assertThat(second).isEqualTo(first);
            assertThat(classifier.calls()).isEqualTo(1);
        }
    }

    @Test
    void while_running_the_result_is_202_with_retry_after_and_the_stage() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ScriptedClassifier blocking = new ScriptedClassifier(request -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ClassifierVerdict.Unclassifiable("too dark");
        });
        try (ApiFixture api = fixture(blocking)) {
            String id = ApiFixture.json(api.send(submit(api, Optional.empty())))
                    .path("job_id")
                    .asText();
            started.await();

            HttpResponse<String> running = api.send(HttpRequest.newBuilder(api.uri("/api/v1/scan/" + id + "/result"))
                    .header("Cookie", "s_access=" + ApiFixture.token())
                    .GET());

            assertThat(running.statusCode()).isEqualTo(202);
            assertThat(running.headers().firstValue("Retry-After")).contains("1");
            assertThat(ApiFixture.json(running).path("current_stage").asText()).isEqualTo("vision");
            assertThat(ApiFixture.json(running).path("progress").asInt()).isEqualTo(25);
            release.countDown();
            api.send(events(api, id, null));
            HttpResponse<String> done = api.send(HttpRequest.newBuilder(api.uri("/api/v1/scan/" + id + "/result"))
                    .header("Cookie", "s_access=" + ApiFixture.token())
                    .GET());
            assertThat(done.statusCode()).isEqualTo(422);
            assertThat(ApiFixture.json(done).path("code").asText()).isEqualTo("unclassifiable");
        }
    }

    @Test
    void another_users_job_does_not_exist_for_them() {
        try (ApiFixture api = fixture(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))) {
            String id = ApiFixture.json(api.send(submit(api, Optional.empty())))
                    .path("job_id")
                    .asText();
            String stranger = DevTokens.mint(
                    ApiFixture.AUTH, java.util.UUID.randomUUID(), Duration.ofMinutes(1), Clock.systemUTC());

            HttpResponse<String> result = api.send(HttpRequest.newBuilder(api.uri("/api/v1/scan/" + id + "/result"))
                    .header("Cookie", "s_access=" + stranger)
                    .GET());
            HttpResponse<String> stream = api.send(HttpRequest.newBuilder(api.uri("/api/v1/scan/" + id + "/events"))
                    .header("Cookie", "s_access=" + stranger)
                    .GET());
            HttpResponse<String> unknown = api.send(HttpRequest.newBuilder(api.uri("/api/v1/scan/not-a-job/result"))
                    .header("Cookie", "s_access=" + ApiFixture.token())
                    .GET());

            assertThat(result.statusCode()).isEqualTo(404);
            assertThat(stream.statusCode()).isEqualTo(404);
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    private ApiFixture fixture(ScriptedClassifier classifier) {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(classifier)
                .answers(CannedAnswers.clean())
                .build();
        InProcessJobQueue jobs = new InProcessJobQueue(pipeline, 100, Duration.ofHours(1), Clock.systemUTC());
        return new ApiFixture(pipeline, jobs, 10, Optional.empty());
    }

    private static HttpRequest.Builder submit(ApiFixture api, Optional<String> key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(JobRoutes.SUBMIT.path()))
                .header("Content-Type", "application/json")
                .header("Cookie", "s_access=" + ApiFixture.token())
                .POST(HttpRequest.BodyPublishers.ofString(MILK));
        key.ifPresent(k -> request.header("X-Idempotency-Key", k));
        return request;
    }

    private static HttpRequest.Builder events(ApiFixture api, String id, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/scan/" + id + "/events"))
                .header("Cookie", "s_access=" + ApiFixture.token())
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request;
    }
}
