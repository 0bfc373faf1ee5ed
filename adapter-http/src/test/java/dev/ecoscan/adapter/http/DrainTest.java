package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** SIGTERM's drain: no new scans, readiness down, the scan in flight finishes, then the server stops. */
class DrainTest {

    private static final String MILK = "{\"image_url\":\"https://img.example/milk.png\"}";

    @Test
    void draining_refuses_new_scans_and_lets_the_running_one_finish() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ScriptedClassifier slow = new ScriptedClassifier(request -> {
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ClassifierVerdict.Unclassifiable("finished after the drain began");
        });
        ApiFixture api = new ApiFixture(ScanTestKit.pipeline().classifier(slow).build(), 10);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> inFlight = threads.submit(() -> api.classify(MILK));
            running.await();
            Future<Integer> drained = threads.submit(() -> api.server.drain(Duration.ofSeconds(30)));
            while (api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.READY)).GET()).statusCode() != 503) {
                Thread.onSpinWait();
            }

            HttpResponse<String> refused = api.classify(MILK);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(ApiFixture.json(refused).path("code").asText()).isEqualTo("shutting_down");
            assertThat(drained.isDone()).isFalse();
            finish.countDown();
            assertThat(inFlight.get().statusCode()).isEqualTo(422);
            assertThat(drained.get()).isZero();
        }
    }
}
