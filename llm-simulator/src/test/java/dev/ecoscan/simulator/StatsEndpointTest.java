package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /stats}, {@code /stats/reset} and {@code /health}. */
class StatsEndpointTest {

    private final LlmSimulator simulator = LlmSimulator.start(SimulatorConfig.instant());
    private final SimulatorClient client = new SimulatorClient(simulator);

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void stats_count_requests_by_kind_outcomes_and_tokens() {
        simulator.faults().next(Fault.NONE, Fault.RATE_LIMIT);
        client.chat(Requests.vision(Requests.tinyPng()));
        client.chat(Requests.answer("- 하나"));
        client.post("/v1/nothing-here", "{}");

        assertThat(Eventually.holds(() -> simulator.stats().inFlight() == 0)).isTrue();
        JsonNode stats = client.stats();

        assertThat(stats.at("/requests/vision").asLong()).isEqualTo(1);
        assertThat(stats.at("/requests/answer").asLong()).isEqualTo(1);
        assertThat(stats.at("/requests/other").asLong()).isEqualTo(1);
        assertThat(stats.at("/outcomes/ok").asLong()).isEqualTo(1);
        assertThat(stats.at("/outcomes/rate_limited").asLong()).isEqualTo(1);
        assertThat(stats.path("outcomes").size()).isEqualTo(7);
        assertThat(stats.at("/outcomes/confused").asLong()).isZero();
        assertThat(stats.at("/tokens/prompt").asLong()).isPositive();
        assertThat(stats.at("/tokens/completion").asLong()).isPositive();
        assertThat(stats.at("/tokens/cached").asLong()).isZero();
        assertThat(stats.path("in_flight").asLong()).isZero();
        assertThat(stats.path("max_in_flight").asLong()).isPositive();
    }

    @Test
    void a_reset_zeroes_every_counter() {
        client.chat(Requests.answer("- 하나"));
        assertThat(Eventually.holds(() -> simulator.stats().inFlight() == 0)).isTrue();

        HttpResponse<String> reset = client.post("/stats/reset", "");

        assertThat(reset.statusCode()).isEqualTo(200);
        JsonNode stats = client.stats();
        assertThat(stats.at("/requests/answer").asLong()).isZero();
        assertThat(stats.at("/outcomes/ok").asLong()).isZero();
        assertThat(stats.at("/tokens/prompt").asLong()).isZero();
        assertThat(stats.path("max_in_flight").asLong()).isZero();
        assertThat(simulator.stats())
                .isEqualTo(new SimulatorStats(
                        new SimulatorStats.Requests(0, 0, 0),
                        new SimulatorStats.Outcomes(0, 0, 0, 0, 0, 0, 0),
                        new SimulatorStats.Tokens(0, 0, 0),
                        0,
                        0));
    }

    @Test
    void health_is_ok() {
        HttpResponse<String> health = client.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(health).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void the_base_url_ends_in_v1_on_a_loopback_port() {
        assertThat(simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + simulator.port() + "/v1");
        assertThat(simulator.port()).isPositive();
    }
}
