package dev.ecoscan.adapter.http;

import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.jobs.ScanJobService;
import dev.ecoscan.application.port.GrantReward;
import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.RequestRecorder;
import dev.ecoscan.domain.scan.ScanOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The API with eco-scan's real metrics behind its observer and {@code /metrics}, as bootstrap wires
 * them, and the scan and character ports a test chooses (a failing one, say).
 */
final class MeteredApi implements AutoCloseable {

    /** Characters as the tests need them: nobody owns any. */
    static final ListCharacters NO_CHARACTERS = user -> List.of();

    /** Rewards are never asked for in these tests. */
    private static final GrantReward NO_REWARDS = claim -> {
        throw new IllegalArgumentException("no rewards in this test");
    };

    final EcoScanMetrics metrics = EcoScanMetrics.create();
    /** Each request as the observer saw it: "method template status". */
    final List<String> observed = new CopyOnWriteArrayList<>();

    final ScanApiServer server;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    MeteredApi(ScanWaste scans, ListCharacters characters) {
        HttpSettings settings = new HttpSettings(
                "127.0.0.1",
                0,
                ApiFixture.AUTH,
                Optional.empty(),
                10,
                Duration.ofSeconds(30),
                HttpSettings.DEFAULT_MAX_BODY_BYTES,
                500,
                Optional.empty(),
                Optional.of(ApiFixture.SERVICE_TOKEN));
        RequestRecorder recorder = new RequestRecorder() {
            @Override
            public void recordHttp(String method, String pathTemplate, int status, Duration took) {
                // Recorded first: a test that sees the request observed may scrape at once.
                metrics.recordHttp(method, pathTemplate, status, took);
                observed.add(method + " " + pathTemplate + " " + status);
            }

            @Override
            public void recordScan(ScanOutcome outcome) {
                metrics.recordScan(outcome);
            }
        };
        server = ScanApiServer.start(
                settings,
                new ApiPorts(
                        scans,
                        new ScanJobService(new InProcessJobQueue(scans, 10, Duration.ofMinutes(1), Clock.systemUTC())),
                        KnowledgeBase.embedded().guide(),
                        NO_REWARDS,
                        characters,
                        url -> Optional.empty(),
                        ApiFixture.uploads(Optional.empty()),
                        metrics,
                        recorder,
                        new ModelCallLog()),
                Clock.systemUTC());
    }

    /** Waits until the observer has seen {@code count} requests: it hears of each just after its answer is sent. */
    List<String> observedAtLeast(int count) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (observed.size() < count && System.nanoTime() < until) {
            LockSupport.parkNanos(1_000_000);
        }
        return List.copyOf(observed);
    }

    int port() {
        return server.port();
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Override
    public void close() {
        server.close();
        metrics.close();
    }
}
