package dev.ecoscan.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.bootstrap.render.ProgressBar;
import dev.ecoscan.support.http.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Closed-loop users, as the reference system's Locust test ran them: each user sends a scan, waits
 * for its answer, thinks 0.1-0.5 s, and goes again, until the run ends.
 */
public final class ClosedLoopLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double THINK_MIN = 0.1;
    private static final double THINK_MAX = 0.5;

    private final URI base;
    private final String cookie;
    private final String body;
    private final boolean async;

    /**
     * @param async false: {@code POST /api/v1/scan/classify} and wait for its answer; true: submit a
     *              job, follow its event stream to the done event, then fetch the result
     */
    public ClosedLoopLoad(URI base, String token, String imageUrl, boolean async) {
        this.base = base;
        this.cookie = "s_access=" + token;
        this.body = "{\"image_url\":\"" + imageUrl + "\",\"user_input\":\"\"}";
        this.async = async;
    }

    /**
     * Runs {@code users} for {@code duration}; the first {@code rampUp} is left out of the report.
     * {@code serviceCpu} reads the service process's CPU time so far; {@code progress} shows the
     * seconds of the run go by (a silent bar when no one watches).
     */
    public String run(
            int users, Duration duration, Duration rampUp, Supplier<ProcessCpu> serviceCpu, ProgressBar progress)
            throws InterruptedException {
        // HTTP/1.1, as every client eco-scan builds: the server under load sees no h2c upgrade offers.
        HttpClient client = OutboundHttp.client()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long steadyFrom = start + rampUp.toNanos();
        ServiceSampler service = new ServiceSampler(client, base, serviceCpu);
        Thread sampler = Thread.ofVirtual().start(() -> {
            try {
                service.run(steadyFrom, end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        progress.start("load (s)", (int) duration.toSeconds());
        Thread clock = Thread.ofVirtual().start(() -> tick(progress, start, end));
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users; i++) {
                long offset = rampUp.toNanos() * i / Math.max(1, users);
                people.submit(() -> user(client, start + offset, end, samples));
            }
        }
        sampler.join();
        clock.join();
        return LoadReport.of(
                        users,
                        List.copyOf(samples),
                        steadyFrom,
                        end,
                        (THINK_MIN + THINK_MAX) / 2,
                        service.maxHeapUsed(),
                        service.maxInFlight(),
                        service.steadyCpu())
                .describe();
    }

    /** Moves the bar once a second until the end of the run. */
    private static void tick(ProgressBar progress, long start, long end) {
        try {
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                progress.at((int) Duration.ofNanos(now - start).toSeconds());
                sleepUntil(Math.min(end, now + Duration.ofSeconds(1).toNanos()));
            }
            progress.at((int) Duration.ofNanos(end - start).toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Void user(HttpClient client, long startAt, long end, ConcurrentLinkedQueue<Sample> samples)
            throws InterruptedException {
        sleepUntil(startAt);
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            int status = 0;
            double llm = 0;
            try {
                HttpResponse<String> response = async
                        ? viaJob(client)
                        : client.send(
                                HttpRequest.newBuilder(base.resolve("/api/v1/scan/classify"))
                                        .timeout(Duration.ofSeconds(120))
                                        .header("Content-Type", "application/json")
                                        .header("Cookie", cookie)
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status == 200) {
                    llm = llmSeconds(JSON.readTree(response.body()));
                }
            } catch (IOException e) {
                status = 0;
            }
            samples.add(new Sample(sent, System.nanoTime() - sent, status, llm));
            double think = ThreadLocalRandom.current().nextDouble(THINK_MIN, THINK_MAX);
            Thread.sleep(Duration.ofNanos((long) (think * 1e9)));
        }
        return null;
    }

    /** Submits a job, follows its events until done, and fetches the result as a client would. */
    private HttpResponse<String> viaJob(HttpClient client) throws IOException, InterruptedException {
        HttpResponse<String> accepted = client.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/scan"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            return accepted;
        }
        JsonNode ticket = JSON.readTree(accepted.body());
        client.send(
                HttpRequest.newBuilder(base.resolve(ticket.path("stream_url").asText()))
                        .timeout(Duration.ofSeconds(120))
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return client.send(
                HttpRequest.newBuilder(base.resolve(ticket.path("result_url").asText()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double llmSeconds(JsonNode body) {
        double seconds = 0;
        for (JsonNode timing : body.path("timings")) {
            String step = timing.path("step").asText();
            if (step.equals("vision") || step.equals("answer")) {
                seconds += timing.path("seconds").asDouble();
            }
        }
        return seconds;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
