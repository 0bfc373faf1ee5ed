package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Thousands of slow requests at once: each waits on its own virtual thread, none holds a platform thread. */
class ConcurrencyTest {

    private static final int REQUESTS = 2_000;
    /**
     * A vision call takes about 3.75 s at speed 1; this makes it about 1 s. At 0.2 s a cold JDK
     * HttpClient on a 2-core machine sometimes cannot start a thousand requests before the first ones
     * finish; the server is not the limit (a raw-socket client keeps all 2,000 in flight). A second
     * leaves room for a busy CI machine.
     */
    private static final double SPEED = 1.0 / 3.75;

    private static final int WARM_UP = 300;

    @Test
    @Timeout(30)
    void two_thousand_concurrent_requests_complete_with_over_a_thousand_in_flight() throws Exception {
        try (LlmSimulator simulator =
                LlmSimulator.start(SimulatorConfig.defaults().withSpeed(SPEED))) {
            SimulatorClient client = new SimulatorClient(simulator);
            JsonNode request = Requests.vision(Requests.tinyPng());
            // A cold JIT would make the client, not the server, the limit: warm both up first.
            send(client, request, WARM_UP);
            simulator.resetStats();

            List<Future<HttpResponse<String>>> responses = send(client, request, REQUESTS);

            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
            assertThat(Eventually.holds(() -> simulator.stats().inFlight() == 0))
                    .isTrue();
            JsonNode stats = client.stats();
            assertThat(stats.at("/requests/vision").asLong()).isEqualTo(REQUESTS);
            assertThat(stats.at("/outcomes/ok").asLong()).isEqualTo(REQUESTS);
            assertThat(stats.path("max_in_flight").asLong()).isGreaterThanOrEqualTo(1_000);
            assertThat(stats.path("in_flight").asLong()).isZero();
        }
    }

    /** Sends all at once, each from its own virtual thread, and returns when every one has its response. */
    private static List<Future<HttpResponse<String>>> send(SimulatorClient client, JsonNode request, int count) {
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                responses.add(users.submit(() -> client.chat(request)));
            }
        }
        return responses;
    }
}
