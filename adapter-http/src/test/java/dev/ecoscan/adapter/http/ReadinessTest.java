package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Readiness says whether the instance takes work at all: down while it drains, never because it is busy. */
class ReadinessTest {

    private static final String MILK = "{\"image_url\":\"https://img.example/milk.png\",\"user_input\":\"\"}";

    @Test
    void at_the_in_flight_bound_readiness_stays_up_and_the_extra_scan_alone_is_refused() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ApiFixture api = new ApiFixture(
                        ScanTestKit.pipeline()
                                .classifier(held(holding, release))
                                .build(),
                        1);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> first = threads.submit(() -> api.classify(MILK));
            assertThat(holding.await(10, TimeUnit.SECONDS))
                    .as("the first scan holds the only slot")
                    .isTrue();

            HttpResponse<String> refused = api.classify(MILK);
            HttpResponse<String> ready = ready(api);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(ApiFixture.json(refused).path("code").asText()).isEqualTo("overloaded");
            assertThat(ready.statusCode()).isEqualTo(200);
            JsonNode body = ApiFixture.json(ready);
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("scans_in_flight").asInt()).isEqualTo(1);
            assertThat(body.path("max_in_flight").asInt()).isEqualTo(1);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(422);
        }
    }

    @Test
    void while_draining_readiness_is_503_down_with_the_same_fields() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ApiFixture api = new ApiFixture(
                        ScanTestKit.pipeline()
                                .classifier(held(holding, release))
                                .build(),
                        10);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> first = threads.submit(() -> api.classify(MILK));
            assertThat(holding.await(10, TimeUnit.SECONDS))
                    .as("a scan is in flight")
                    .isTrue();
            assertThat(ready(api).statusCode()).isEqualTo(200);

            Future<Integer> drained = threads.submit(() -> api.server.finishScans(Duration.ofSeconds(30)));
            Eventually.holds(
                    "readiness turns 503 once the drain begins",
                    () -> ready(api).statusCode() == 503);
            JsonNode body = ApiFixture.json(ready(api));

            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            assertThat(body.path("scans_in_flight").asInt()).isEqualTo(1);
            assertThat(body.path("max_in_flight").asInt()).isEqualTo(10);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(422);
            assertThat(drained.get(10, TimeUnit.SECONDS)).isZero();
        }
    }

    private static HttpResponse<String> ready(ApiFixture api) {
        return api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.READY)).GET());
    }

    /** A classifier that signals {@code holding} and keeps its scan until {@code release}. */
    private static ScriptedClassifier held(CountDownLatch holding, CountDownLatch release) {
        return new ScriptedClassifier(request -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ClassifierVerdict.Unclassifiable("released");
        });
    }
}
