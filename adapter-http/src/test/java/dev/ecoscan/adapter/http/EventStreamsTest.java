package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.jobs.JobRetention;
import dev.ecoscan.domain.port.JobRecorder;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounds on open event streams, and streams that end when their job does or is forgotten. */
class EventStreamsTest {

    private static final String MILK = "{\"image_url\":\"https://img.example/milk.png\",\"user_input\":\"\"}";
    private static final UUID OTHER_USER = UUID.fromString("0b6f4c2e-3f1a-4d7e-9b8c-5a4d3c2b1a09");

    /** Holds every scan in its vision step until released, so its stream stays open. */
    private final CountDownLatch release = new CountDownLatch(1);

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<HttpResponse<InputStream>> opened = new ArrayList<>();

    @AfterEach
    void releaseTheScansAndCloseTheStreams() throws IOException {
        release.countDown();
        for (HttpResponse<InputStream> stream : opened) {
            stream.body().close();
        }
    }

    @Test
    void a_users_stream_past_their_bound_is_answered_429_with_retry_after_at_once() throws Exception {
        try (ApiFixture api = fixture(new StreamLimits(2, 100), JobRetention.defaults())) {
            String token = ApiFixture.token();
            assertThat(open(api, submit(api, token), token, null).statusCode()).isEqualTo(200);
            assertThat(open(api, submit(api, token), token, null).statusCode()).isEqualTo(200);
            String third = submit(api, token);

            HttpResponse<String> refused = api.send(events(api, third, token, null));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(ApiFixture.json(refused).path("code").asText()).isEqualTo("too_many_streams");
            // Another user is not held to this user's bound.
            String other = otherToken();
            assertThat(open(api, submit(api, other), other, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_stream_past_the_bound_in_all_is_answered_503_at_once() throws Exception {
        try (ApiFixture api = fixture(new StreamLimits(5, 1), JobRetention.defaults())) {
            String token = ApiFixture.token();
            assertThat(open(api, submit(api, token), token, null).statusCode()).isEqualTo(200);
            String other = otherToken();

            HttpResponse<String> refused = api.send(events(api, submit(api, other), other, null));

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(ApiFixture.json(refused).path("code").asText()).isEqualTo("streams_full");
        }
    }

    @Test
    void a_stream_that_ends_with_its_job_frees_its_slot() throws Exception {
        try (ApiFixture api = fixture(new StreamLimits(1, 100), JobRetention.defaults())) {
            String token = ApiFixture.token();
            HttpResponse<InputStream> first = open(api, submit(api, token), token, null);
            String second = submit(api, token);
            assertThat(api.send(events(api, second, token, null)).statusCode()).isEqualTo(429);

            release.countDown();
            assertThat(readToEnd(first)).contains("event: done");

            // The slot is freed as the handler returns, a moment after the client has read the end.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            HttpResponse<String> again = api.send(events(api, second, token, null));
            while (again.statusCode() == 429 && System.nanoTime() < until) {
                again = api.send(events(api, second, token, null));
            }
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("event: done");
        }
    }

    @Test
    void a_stream_open_when_its_job_is_forgotten_ends_within_a_second() throws Exception {
        try (ApiFixture api = fixture(new StreamLimits(5, 100), new JobRetention(Duration.ofHours(1), 1))) {
            String token = ApiFixture.token();
            String first = submit(api, token);
            // A Last-Event-ID the job never reaches keeps the stream waiting past the job's done event.
            HttpResponse<InputStream> waiting = open(api, first, token, "9");
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readToEnd(waiting));
            release.countDown();
            String second = submit(api, token);
            assertThat(api.send(events(api, second, token, null)).body()).contains("event: done");

            // The second job's done event made the first one the oldest past the count: forgotten.
            assertThat(rest.get(1, TimeUnit.SECONDS)).doesNotContain("event:");
            assertThat(api.send(events(api, first, token, null)).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_client_that_has_seen_the_done_event_is_answered_204() throws Exception {
        try (ApiFixture api = fixture(new StreamLimits(1, 100), JobRetention.defaults())) {
            release.countDown();
            String token = ApiFixture.token();
            String id = submit(api, token);
            assertThat(api.send(events(api, id, token, null)).body()).contains("id: 5");

            HttpResponse<String> again = api.send(events(api, id, token, "5"));

            assertThat(again.statusCode()).isEqualTo(204);
            assertThat(again.body()).isEmpty();
            // It took no slot: the user's one stream is still free.
            assertThat(api.send(events(api, id, token, "3")).body()).contains("id: 4");
        }
    }

    private ApiFixture fixture(StreamLimits streams, JobRetention retention) {
        ScriptedClassifier milk = ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩");
        ScriptedClassifier held = new ScriptedClassifier(request -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return milk.classify(request);
        });
        TestPipeline pipeline = ScanTestKit.pipeline()
                .classifier(held)
                .answers(CannedAnswers.clean())
                .build();
        InProcessJobQueue jobs = new InProcessJobQueue(pipeline, 100, retention, Clock.systemUTC(), JobRecorder.none());
        return new ApiFixture(pipeline, jobs, streams);
    }

    private static String otherToken() {
        return DevTokens.mint(ApiFixture.AUTH, OTHER_USER, Duration.ofMinutes(5), Clock.systemUTC());
    }

    private static String submit(ApiFixture api, String token) {
        HttpResponse<String> accepted = api.send(HttpRequest.newBuilder(api.uri(JobRoutes.SUBMIT.path()))
                .header("Content-Type", "application/json")
                .header("Cookie", "s_access=" + token)
                .POST(HttpRequest.BodyPublishers.ofString(MILK)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode ticket = ApiFixture.json(accepted);
        return ticket.path("job_id").asText();
    }

    private static HttpRequest.Builder events(ApiFixture api, String id, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/scan/" + id + "/events"))
                .header("Cookie", "s_access=" + token)
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request;
    }

    /** Opens a stream and returns once its status and headers are in, leaving it open. */
    private HttpResponse<InputStream> open(ApiFixture api, String id, String token, String lastEventId)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> stream = client.send(
                events(api, id, token, lastEventId)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        opened.add(stream);
        return stream;
    }

    private static String readToEnd(HttpResponse<InputStream> stream) {
        try (InputStream body = stream.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
