package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testservers.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM's drain: no new scans, readiness down, the scan in flight finishes within the grace or is
 * answered 503 at its end, then the server stops.
 */
class DrainTest {

    private static final String MILK = "{\"image_url\":\"https://img.example/milk.png\"}";

    @Test
    void draining_refuses_new_scans_and_lets_the_running_one_finish() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ScriptedClassifier slow = new ScriptedClassifier(request -> {
            running.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ClassifierVerdict.Unclassifiable("finished after the drain began");
        });
        ApiFixture api = new ApiFixture(ScanTestKit.pipeline().classifier(slow).build(), 10);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> inFlight = threads.submit(() -> api.classify(MILK));
            assertThat(running.await(10, TimeUnit.SECONDS))
                    .as("the scan reached the classifier")
                    .isTrue();
            Future<Integer> drained = threads.submit(() -> api.server.drain(Duration.ofSeconds(30)));
            Eventually.holds(
                    "readiness reports 503 once the drain has begun",
                    () -> api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.READY))
                                            .GET())
                                    .statusCode()
                            == 503);

            HttpResponse<String> refused = api.classify(MILK);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(ApiFixture.json(refused).path("code").asText()).isEqualTo("shutting_down");
            assertThat(drained.isDone()).isFalse();
            finish.countDown();
            assertThat(inFlight.get().statusCode()).isEqualTo(422);
            assertThat(drained.get()).isZero();
        }
    }

    @Test
    void a_scan_still_running_when_the_grace_ends_is_answered_503_before_the_server_stops() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedClassifier stuck = new ScriptedClassifier(request -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ClassifierVerdict.Unclassifiable("too late: its request was answered long ago");
        });
        ApiFixture api = new ApiFixture(ScanTestKit.pipeline().classifier(stuck).build(), 10);
        Duration grace = Duration.ofMillis(500);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> inFlight = threads.submit(() -> api.classify(MILK));
            assertThat(running.await(10, TimeUnit.SECONDS))
                    .as("the scan reached the classifier")
                    .isTrue();

            long started = System.nanoTime();
            int cut = api.server.drain(grace);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            HttpResponse<String> answer = inFlight.get(5, TimeUnit.SECONDS);

            assertThat(cut).isEqualTo(1);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(ApiFixture.json(answer).path("code").asText()).isEqualTo("shutting_down");
            assertThat(ApiFixture.json(answer).path("task_id").asText()).isNotBlank();
            // The grace, the moment for the cut answers to go out, and the server's own stop.
            assertThat(took)
                    .isBetween(
                            grace, grace.plus(ScanApiServer.ANSWERS_AFTER_CUT).plusSeconds(1));
        } finally {
            release.countDown();
        }
    }
}
