package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.jobs.ScanJobService;
import dev.ecoscan.application.port.GrantReward;
import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.port.MetricsScrape;
import dev.ecoscan.domain.port.RequestRecorder;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.testkit.TestPipeline;
import dev.ecoscan.testservers.ResponseLeaks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A running API on a test pipeline, and a client that speaks to it over real HTTP. */
final class ApiFixture implements AutoCloseable {

    static final String SECRET = "test-secret-test-secret-test-secret!";
    static final AuthSettings AUTH = new AuthSettings(AuthSettings.Mode.JWT, SECRET, "test-issuer", "test-audience");
    static final UUID USER = UUID.fromString("6f1c6a3e-8a5f-4b8e-9a3c-2b1d0e9f7a61");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SERVICE_TOKEN = "service-token-for-tests";
    /** The image URL rule of most tests: a fake that lets only one host through. */
    static final ImageUrlCheck ONLY_EXAMPLE_HOST = url -> url.startsWith("https://img.example/")
            ? Optional.empty()
            : Optional.of("only https://img.example/ may be fetched in this test");

    /** Echoes what it was asked, so tests see what reached the character routes. */
    final List<String> characterCalls = new CopyOnWriteArrayList<>();

    /** Grants the mascot for every claim, recording who claimed what. */
    private final GrantReward rewards = claim -> {
        characterCalls.add("reward " + claim.user() + " " + claim.labels().item());
        return new RewardOutcome.Granted(
                KnowledgeBase.embedded().characters().defaultCharacter(),
                claim.labels().item());
    };

    private final ListCharacters characters = user -> {
        characterCalls.add("owned " + user);
        return List.of();
    };

    final ScanApiServer server;
    final List<String> observed = new CopyOnWriteArrayList<>();
    final List<ScanOutcome> scans = new CopyOnWriteArrayList<>();
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ApiFixture(TestPipeline pipeline, int maxInFlight) {
        this(pipeline, maxInFlight, Optional.empty());
    }

    ApiFixture(TestPipeline pipeline, int maxInFlight, Optional<RateLimit> rateLimit) {
        this(
                pipeline,
                new InProcessJobQueue(pipeline, 100, Duration.ofHours(1), Clock.systemUTC()),
                maxInFlight,
                rateLimit);
    }

    ApiFixture(TestPipeline pipeline, JobQueue jobs, int maxInFlight, Optional<RateLimit> rateLimit) {
        this(pipeline, jobs, maxInFlight, rateLimit, AUTH);
    }

    /** An API that authenticates users as {@code auth} says (a gateway, say). */
    ApiFixture(TestPipeline pipeline, AuthSettings auth) {
        this(
                pipeline,
                new InProcessJobQueue(pipeline, 100, Duration.ofHours(1), Clock.systemUTC()),
                10,
                Optional.empty(),
                auth);
    }

    /**
     * An API whose image URLs are checked by {@code urls} (the images adapter's real rules, say) and
     * whose connections are bounded by {@code connections} (short timeouts, say).
     */
    ApiFixture(TestPipeline pipeline, int maxInFlight, ImageUrlCheck urls, ConnectionLimits connections) {
        this(
                pipeline,
                new InProcessJobQueue(pipeline, 100, Duration.ofHours(1), Clock.systemUTC()),
                maxInFlight,
                Optional.empty(),
                AUTH,
                urls,
                connections);
    }

    private ApiFixture(
            TestPipeline pipeline, JobQueue jobs, int maxInFlight, Optional<RateLimit> rateLimit, AuthSettings auth) {
        this(
                pipeline,
                jobs,
                maxInFlight,
                rateLimit,
                auth,
                ONLY_EXAMPLE_HOST,
                ConnectionLimits.forInFlight(maxInFlight));
    }

    /** An API on {@code jobs} whose event streams are bounded by {@code streams}. */
    ApiFixture(TestPipeline pipeline, JobQueue jobs, StreamLimits streams) {
        this(pipeline, jobs, 10, Optional.empty(), AUTH, ONLY_EXAMPLE_HOST, ConnectionLimits.forInFlight(10), streams);
    }

    private ApiFixture(
            TestPipeline pipeline,
            JobQueue jobs,
            int maxInFlight,
            Optional<RateLimit> rateLimit,
            AuthSettings auth,
            ImageUrlCheck urls,
            ConnectionLimits connections) {
        this(pipeline, jobs, maxInFlight, rateLimit, auth, urls, connections, StreamLimits.of(maxInFlight));
    }

    private ApiFixture(
            TestPipeline pipeline,
            JobQueue jobs,
            int maxInFlight,
            Optional<RateLimit> rateLimit,
            AuthSettings auth,
            ImageUrlCheck urls,
            ConnectionLimits connections,
            StreamLimits streams) {
        this(pipeline, jobs, maxInFlight, rateLimit, auth, urls, connections, streams, uploads(Optional.empty()));
    }

    /** An API whose uploads meet the images adapter's real type rules and {@code uploads}' budget. */
    ApiFixture(TestPipeline pipeline, ImageUploads uploads) {
        this(
                pipeline,
                new InProcessJobQueue(pipeline, 100, Duration.ofHours(1), Clock.systemUTC()),
                10,
                Optional.empty(),
                AUTH,
                ONLY_EXAMPLE_HOST,
                ConnectionLimits.forInFlight(10),
                StreamLimits.of(10),
                uploads);
    }

    /** Uploads of at most 10 MiB, typed by the images adapter's own rules, counted in {@code budget}. */
    static ImageUploads uploads(Optional<ImageBudget> budget) {
        ImageFetchPolicy policy = ImageFetchPolicy.dev();
        return new ImageUploads(policy.maxBytes(), policy::imageType, policy.acceptedTypesText(), budget);
    }

    private ApiFixture(
            TestPipeline pipeline,
            JobQueue jobs,
            int maxInFlight,
            Optional<RateLimit> rateLimit,
            AuthSettings auth,
            ImageUrlCheck urls,
            ConnectionLimits connections,
            StreamLimits streams,
            ImageUploads uploads) {
        HttpSettings settings = new HttpSettings(
                        "127.0.0.1",
                        0,
                        auth,
                        Optional.empty(),
                        maxInFlight,
                        Duration.ofSeconds(30),
                        HttpSettings.DEFAULT_MAX_BODY_BYTES,
                        500,
                        rateLimit,
                        Optional.of(SERVICE_TOKEN),
                        streams)
                .withConnections(connections);
        RequestRecorder recorder = new RequestRecorder() {
            @Override
            public void recordHttp(String method, String pathTemplate, int status, Duration took) {
                observed.add(method + " " + pathTemplate + " " + status);
            }

            @Override
            public void recordScan(ScanOutcome outcome) {
                scans.add(outcome);
            }
        };
        this.server = ScanApiServer.start(
                settings,
                new ApiPorts(
                        pipeline,
                        new ScanJobService(jobs),
                        KnowledgeBase.embedded().guide(),
                        rewards,
                        characters,
                        urls,
                        uploads,
                        accept -> new MetricsScrape.Scrape("text/plain; version=0.0.4; charset=utf-8", "up 1\n"),
                        recorder,
                        new ModelCallLog()),
                Clock.systemUTC());
    }

    /**
     * The requests observed so far, once {@code expected} are among them: a request is observed just
     * after its response is sent, so a client can read the answer a moment before the record exists.
     */
    List<String> observedIncluding(String... expected) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!observed.containsAll(List.of(expected)) && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return List.copyOf(observed);
    }

    static String token() {
        return DevTokens.mint(AUTH, USER, Duration.ofMinutes(5), Clock.systemUTC());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> classify(String body) {
        return send(HttpRequest.newBuilder(uri(ScanApiServer.CLASSIFY))
                .header("Content-Type", "application/json")
                .header("Cookie", "s_access=" + token())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a request; every body that comes back is checked for infrastructure text and secrets. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            ResponseLeaks.assertNone(response.body(), SECRET, SERVICE_TOKEN);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
