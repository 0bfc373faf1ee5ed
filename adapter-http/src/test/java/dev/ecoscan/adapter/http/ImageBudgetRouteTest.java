package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A scan refused by the image budget is answered 503 overloaded at once, and the budget frees with the scan. */
class ImageBudgetRouteTest {

    private static final String MILK = "{\"image_url\":\"https://img.example/milk.png\",\"user_input\":\"\"}";

    @Test
    void with_room_for_one_image_a_second_concurrent_scan_gets_503_overloaded_with_retry_after() throws Exception {
        ImageBudget budget = new ImageBudget(1000);
        ImageSource images = reference -> budget.tryHold(1000)
                .<ImageLoad>map(hold -> new ImageLoad.Loaded(new Image(new byte[1000], "image/png"), hold))
                .orElseGet(() -> new ImageLoad.Overloaded("the image budget is full"));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A vision step that keeps the pipeline from closing the image's load until released.
        ScriptedClassifier vision = new ScriptedClassifier(request -> {
            try {
                holding.countDown();
                release.await();
                return new ClassifierVerdict.Unclassifiable("released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ClassifierVerdict.Unclassifiable("interrupted");
            }
        });
        try (ApiFixture api = new ApiFixture(
                        ScanTestKit.pipeline().images(images).classifier(vision).build(), 10);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> first = threads.submit(() -> api.classify(MILK));
            holding.await();

            HttpResponse<String> second = api.classify(MILK);

            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).contains("1");
            assertThat(ApiFixture.json(second).path("code").asText()).isEqualTo("overloaded");
            assertThat(ApiFixture.json(second).path("task_id").asText()).isNotBlank();
            assertThat(ApiFixture.json(second).path("detail").asText()).doesNotContain("budget is full");
            release.countDown();
            assertThat(first.get().statusCode()).isEqualTo(422);
            assertThat(budget.inUse()).isZero();
            assertThat(api.classify(MILK).statusCode())
                    .as("room again once the first scan is done")
                    .isEqualTo(422);
        }
    }
}
