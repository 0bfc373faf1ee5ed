package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testservers.Eventually;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow clients over raw sockets, against a server with a second to send a request and a second of
 * idle: each is answered 408 or closed within its bound, none holds a scan slot, and none keeps a
 * normal scan out.
 */
class SlowClientsTest {

    private static final Duration READ_TIME = Duration.ofSeconds(1);
    private static final Duration IDLE = Duration.ofSeconds(1);
    /** The sweeper's and the idle check's granularity, a scheduler's hiccup, the close reaching the client. */
    private static final Duration SLACK = Duration.ofMillis(1_500);

    private static final String MILK = "{\"image_url\":\"https://img.example/milk.png\"}";
    private static final int MAX_IN_FLIGHT = 2;

    private ApiFixture api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void clients_trickling_their_bodies_are_cut_at_the_read_time_and_never_hold_a_scan_slot() throws Exception {
        api = start(64);
        int slow = MAX_IN_FLIGHT * 2;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RawHttp.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < slow; i++) {
                // Authenticated, so that only the body's pace keeps them out.
                answers.add(clients.submit(() -> trickleBody(ApiFixture.token(), Duration.ofMillis(100))));
            }
            List<Integer> inFlight = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                inFlight.add(api.server.scansInFlight());
            }

            HttpResponse<String> normal = api.classify(MILK);

            assertThat(inFlight)
                    .as("scans in flight while only the slow clients are connected")
                    .containsOnly(0);
            assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
            for (Future<RawHttp.Answer> answer : answers) {
                assertCutAtTheReadTime(answer.get());
            }
        }
        Eventually.holds("the normal scan's slot is given back", () -> api.server.scansInFlight() == 0);
        assertThat(observedTimeouts(slow))
                .as("the slow requests, observed under their route")
                .isEqualTo(slow);
        assertNoServerErrors();
    }

    @Test
    void a_client_that_stops_halfway_through_its_headers_is_cut_at_the_read_time() {
        api = start(64);
        byte[] request = RawHttp.request(
                "POST " + ScanApiServer.CLASSIFY + " HTTP/1.1",
                "Host: 127.0.0.1\r\nContent-Type: application/json\r\nX-Padding: " + "a".repeat(100),
                new byte[0]);
        int atOnce = request.length - 60;

        RawHttp.Answer answer =
                RawHttp.trickle(api.server.port(), request, atOnce, 50, Duration.ofMillis(100), Duration.ofSeconds(10));

        assertCutAtTheReadTime(answer);
        assertThat(api.server.scansInFlight()).isZero();
        assertNoServerErrors();
    }

    @Test
    void a_client_that_never_finishes_its_request_line_is_closed_after_the_idle_timeout() {
        api = start(64);
        byte[] line = ("POST " + ScanApiServer.CLASSIFY + " HTTP/1.1").getBytes(StandardCharsets.US_ASCII);

        RawHttp.Answer answer = RawHttp.trickle(
                api.server.port(), line, 6, line.length, Duration.ofMillis(150), Duration.ofSeconds(10));

        assertThat(answer.closed()).as(answer.toString()).isTrue();
        // Helidon's idle clock ticks in whole seconds, so the close may come up to a second early.
        assertThat(answer.took()).isLessThan(IDLE.plus(SLACK));
    }

    @Test
    void a_client_slow_but_within_the_read_time_is_served() {
        api = start(64);
        byte[] body = MILK.getBytes(StandardCharsets.UTF_8);
        byte[] request = classifyRequest(ApiFixture.token(), body.length, body);

        // Four bytes a tenth of a second apart: the body is in after 0.4 s of the 1 s allowed.
        RawHttp.Answer answer = RawHttp.trickle(
                api.server.port(), request, request.length - 4, 4, Duration.ofMillis(100), Duration.ofSeconds(10));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void a_refused_request_is_answered_at_once_though_its_body_trickles_and_loses_its_connection_at_the_read_time()
            throws Exception {
        api = start(64);
        byte[] request = classifyRequest("forged", 200, new byte[200]);
        long start = System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request, 0, request.length - 200);
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                        socket.getOutputStream().write(0);
                    }
                } catch (java.io.IOException closed) {
                    // Cut at the read time, as it should be.
                }
            });

            RawHttp.Answer refusal = RawHttp.read(socket.getInputStream(), start);
            RawHttp.Answer after = RawHttp.read(socket.getInputStream(), start);

            assertThat(refusal.status()).as(refusal.toString()).isEqualTo(401);
            assertThat(refusal.took()).isLessThan(READ_TIME.dividedBy(2));
            assertThat(after.closed()).as(after.toString()).isTrue();
            assertThat(after.took()).isBetween(READ_TIME.minusMillis(100), READ_TIME.plus(SLACK));
        }
        assertNoServerErrors();
    }

    @Test
    void connections_past_the_bound_wait_in_the_backlog_until_the_slow_ones_are_cut() throws Exception {
        int connections = MAX_IN_FLIGHT + 1;
        api = start(connections);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RawHttp.Answer>> slow = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                slow.add(clients.submit(() -> trickleBody(ApiFixture.token(), Duration.ofMillis(100))));
            }
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            long start = System.nanoTime();

            HttpResponse<String> normal = api.classify(MILK);

            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
            // It could not be accepted before a slow one was cut, 1 s after it connected (0.3 s ago).
            assertThat(waited).isGreaterThan(READ_TIME.minusMillis(300).minusMillis(150));
            for (Future<RawHttp.Answer> answer : slow) {
                assertCutAtTheReadTime(answer.get());
            }
        }
    }

    private ApiFixture start(int maxConnections) {
        return new ApiFixture(
                ScanTestKit.pipeline()
                        .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                        .answers(CannedAnswers.clean())
                        .build(),
                MAX_IN_FLIGHT,
                ApiFixture.ONLY_EXAMPLE_HOST,
                new ConnectionLimits(maxConnections, IDLE, READ_TIME));
    }

    /** A classify request whose headers go at once and whose 200-byte body comes a byte per {@code pause}. */
    private RawHttp.Answer trickleBody(String token, Duration pause) {
        byte[] request = classifyRequest(token, 200, " ".repeat(200).getBytes(StandardCharsets.US_ASCII));
        return RawHttp.trickle(api.server.port(), request, request.length - 200, 200, pause, Duration.ofSeconds(10));
    }

    private static byte[] classifyRequest(String token, int declaredLength, byte[] body) {
        return RawHttp.request(
                "POST " + ScanApiServer.CLASSIFY + " HTTP/1.1",
                "Host: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nCookie: s_access=" + token + "\r\nContent-Length: "
                        + declaredLength,
                body);
    }

    /** 408 problem+json, or a closed connection (the 408 may be lost to the reset), once the read time is up. */
    private static void assertCutAtTheReadTime(RawHttp.Answer answer) {
        assertThat(answer.took()).as(answer.toString()).isBetween(READ_TIME.minusMillis(100), READ_TIME.plus(SLACK));
        if (!answer.closed()) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(408);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(answer.json().path("code").asText()).isEqualTo("request_timeout");
            assertThat(answer.head()).containsIgnoringCase("connection: close");
        }
    }

    private void assertNoServerErrors() {
        assertThat(api.observed).noneMatch(line -> line.matches(".* 5\\d\\d"));
    }

    /** The 408s observed, once there are {@code expected} of them or after 5 s: each is observed just after its close. */
    private long observedTimeouts(int expected) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            long timeouts = api.observed.stream()
                    .filter(line -> line.equals("POST /api/v1/scan/classify 408"))
                    .count();
            if (timeouts >= expected || System.nanoTime() > until) {
                return timeouts;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
