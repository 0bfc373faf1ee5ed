package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.domain.reward.CollectionUnavailableException;
import dev.ecoscan.domain.scan.UserId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on {@code serve}, through the very stop the signal handler runs ({@link ServiceComponent#drain}):
 * work in hand finishes or is answered, no job vanishes, and the grace bounds the whole drain.
 */
@Timeout(120)
class ServiceDrainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TestServiceComponent engine;
    private RunningService service;

    @AfterEach
    void stopWhatIsLeft() {
        if (service != null) {
            service.server().close();
            engine.resources().close();
        }
    }

    @Test
    void the_scan_and_the_jobs_in_flight_at_sigterm_finish_and_their_results_are_read_before_the_end()
            throws Exception {
        // The simulator at a tenth of its speed: a scan takes well under a second, far within the grace.
        start("0.1", "20s");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> scan = threads.submit(() -> post("/api/v1/scan/classify"));
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                jobs.add(JSON.readTree(post("/api/v1/scan").body())
                        .path("job_id")
                        .asText());
            }
            awaitTrue(() ->
                    service.server().scansInFlight() == 1 && inProcessJobs().unfinished() > 0);
            List<Future<Optional<HttpResponse<String>>>> results = new ArrayList<>();
            for (String job : jobs) {
                results.add(threads.submit(() -> finalResult(job)));
            }

            Future<ServiceDrain.Report> drained =
                    threads.submit(() -> engine.drain().run());
            awaitTrue(() -> get("/health/ready").statusCode() == 503);
            HttpResponse<String> refusedScan = post("/api/v1/scan/classify");
            HttpResponse<String> refusedJob = post("/api/v1/scan");

            assertThat(scan.get().statusCode()).isEqualTo(200);
            for (Future<Optional<HttpResponse<String>>> result : results) {
                assertThat(result.get())
                        .hasValueSatisfying(
                                done -> assertThat(done.statusCode()).isEqualTo(200));
            }
            ServiceDrain.Report report = drained.get();
            assertThat(report.scansCut()).isZero();
            assertThat(report.jobsCut()).isZero();
            assertThat(report.took()).isLessThan(Duration.ofSeconds(20));
            assertThat(refusedScan.statusCode()).isEqualTo(503);
            assertThat(code(refusedScan)).isEqualTo("shutting_down");
            assertThat(refusedJob.statusCode()).isEqualTo(503);
            assertThat(code(refusedJob)).isEqualTo("shutting_down");
        }
        assertStopped();
    }

    @Test
    void with_a_slow_simulator_the_grace_bounds_the_whole_drain_and_what_it_cut_is_answered() throws Exception {
        // At a hundredth of its speed the simulator's vision call takes minutes: nothing finishes in 2 s.
        start("100", "2s");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> scan = threads.submit(() -> post("/api/v1/scan/classify"));
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                jobs.add(JSON.readTree(post("/api/v1/scan").body())
                        .path("job_id")
                        .asText());
            }
            awaitTrue(() ->
                    service.server().scansInFlight() == 1 && inProcessJobs().unfinished() == 2);
            CompletableFuture<HttpResponse<String>> events = client.sendAsync(
                    request("/api/v1/scan/" + jobs.getFirst() + "/events").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<Future<Optional<HttpResponse<String>>>> results = new ArrayList<>();
            for (String job : jobs) {
                results.add(threads.submit(() -> finalResult(job)));
            }

            ServiceDrain.Report report = engine.drain().run();

            assertThat(report.took()).isLessThan(Duration.ofSeconds(2).plusSeconds(1));
            assertThat(report.scansCut()).isEqualTo(1);
            assertThat(report.jobsCut()).isEqualTo(2);
            HttpResponse<String> cutScan = scan.get(5, TimeUnit.SECONDS);
            assertThat(cutScan.statusCode()).isEqualTo(503);
            assertThat(code(cutScan)).isEqualTo("shutting_down");
            for (Future<Optional<HttpResponse<String>>> result : results) {
                assertThat(result.get())
                        .as("each job's result, read before the process ends")
                        .hasValueSatisfying(done -> {
                            assertThat(done.statusCode()).isEqualTo(503);
                            assertThat(code(done)).isEqualTo("shutting_down");
                        });
            }
            assertThat(events.get(5, TimeUnit.SECONDS).body()).contains("event: done");
        }
        assertStopped();
    }

    private void start(String simulatorSpeed, String grace) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "ECO_SCAN_SIMULATOR_SPEED",
                simulatorSpeed,
                "ECO_SCAN_DRAIN_GRACE",
                grace,
                "ECO_SCAN_PORT",
                "0",
                "ECO_SCAN_DATA_DIR",
                dataDir.toString(),
                "ECO_SCAN_SAMPLES_DIR",
                System.getProperty("eco-scan.samples", "../samples")));
        engine = TestServiceComponent.create(Settings.from(env));
        service = engine.service();
    }

    private InProcessJobQueue inProcessJobs() {
        return (InProcessJobQueue) engine.jobQueue();
    }

    /**
     * The job's result once it is no longer running (202), polled as a client would; empty when the
     * server went away first, which is what a vanished job would look like.
     */
    private Optional<HttpResponse<String>> finalResult(String job) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (until - System.nanoTime() > 0) {
            HttpResponse<String> result;
            try {
                result = client.send(
                        request("/api/v1/scan/" + job + "/result").GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException stopped) {
                return Optional.empty();
            }
            if (result.statusCode() != 202) {
                return Optional.of(result);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return Optional.empty();
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        String body = "{\"image_url\":\"" + service.baseUrl() + "/samples/milk-carton.png\",\"user_input\":\"\"}";
        return client.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Cookie", "s_access=" + service.devToken().orElseThrow());
    }

    private static String code(HttpResponse<String> problem) {
        try {
            JsonNode body = JSON.readTree(problem.body());
            return body.path("code").asText();
        } catch (IOException e) {
            throw new AssertionError("not a problem body: " + problem.body(), e);
        }
    }

    /** The server no longer listens, and the resources were closed after it: the database is shut. */
    private void assertStopped() {
        HttpRequest live = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/health/live"))
                .GET()
                .build();
        assertThat(client.sendAsync(live, HttpResponse.BodyHandlers.ofString())).failsWithin(Duration.ofSeconds(5));
        assertThatThrownBy(() -> engine.rewards()
                        .collection()
                        .ownedBy(new UserId(UUID.randomUUID().toString())))
                .isInstanceOf(CollectionUnavailableException.class);
        service = null;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds, for at most 30 s. */
    private static void awaitTrue(Condition condition) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.holds()) {
            assertThat(until - System.nanoTime())
                    .as("the condition held within 30 s")
                    .isPositive();
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
