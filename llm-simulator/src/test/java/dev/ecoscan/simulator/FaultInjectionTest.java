package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scripted and random faults, and how each one looks to a client. */
class FaultInjectionTest {

    private static final String MILK_CARTON = "recyclable.paper-pack.milk-carton";

    private LlmSimulator simulator =
            LlmSimulator.start(SimulatorConfig.instant().withHangDuration(Duration.ofSeconds(1)));
    private SimulatorClient client = new SimulatorClient(simulator);

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void scripted_faults_come_in_order_and_then_requests_are_answered_normally() {
        simulator.faults().next(Fault.RATE_LIMIT, Fault.SERVER_ERROR, Fault.MALFORMED_JSON, Fault.OUT_OF_TAXONOMY);
        var vision = Requests.vision(Requests.labelledPng(MILK_CARTON, ""));

        HttpResponse<String> rateLimited = client.chat(vision);
        HttpResponse<String> serverError = client.chat(vision);
        HttpResponse<String> malformed = client.chat(vision);
        HttpResponse<String> outOfTaxonomy = client.chat(vision);
        HttpResponse<String> normal = client.chat(vision);

        assertThat(rateLimited.statusCode()).isEqualTo(429);
        assertThat(rateLimited.headers().firstValue("Retry-After")).contains("1");
        assertThat(SimulatorClient.json(rateLimited).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(SimulatorClient.json(rateLimited).at("/error/type").asText()).isEqualTo("requests");
        assertThat(serverError.statusCode()).isEqualTo(500);
        assertThat(SimulatorClient.json(serverError).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(ChatCompletionsTest.parses(SimulatorClient.json(malformed)
                        .at("/choices/0/message/content")
                        .asText()))
                .isFalse();
        JsonNode alien = SimulatorClient.content(outOfTaxonomy);
        Set<String> majors = enumOf(VisionReplies.MAJOR);
        Set<String> items = Requests.TAXONOMY.items().map(item -> item.name()).collect(Collectors.toSet());
        assertThat(majors).doesNotContain(alien.path("major").asText());
        assertThat(items).doesNotContain(alien.path("item").asText());
        assertThat(SchemaCheck.violations(Requests.visionSchema(), alien)).isNotEmpty();
        assertThat(SimulatorClient.content(normal).path("item").asText()).isEqualTo("우유팩");
        assertThat(simulator.faults().pending()).isZero();
        assertThat(simulator.stats().outcomes()).isEqualTo(new SimulatorStats.Outcomes(1, 1, 1, 0, 1, 1, 0));
    }

    @Test
    void the_retry_after_header_follows_the_configuration() {
        restart(SimulatorConfig.instant().withRetryAfter(Duration.ofSeconds(7)));
        simulator.faults().next(Fault.RATE_LIMIT);

        HttpResponse<String> response = client.chat(Requests.answer("- 하나"));

        assertThat(response.headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void a_fault_scripted_for_vision_waits_for_a_vision_request() {
        simulator.faults().nextFor(RequestKind.VISION, Fault.SERVER_ERROR);

        HttpResponse<String> answer = client.chat(Requests.answer("- 하나"));
        HttpResponse<String> vision = client.chat(Requests.vision(Requests.tinyPng()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(vision.statusCode()).isEqualTo(500);
    }

    @Test
    void out_of_taxonomy_means_nothing_to_an_answer_request() {
        simulator.faults().next(Fault.OUT_OF_TAXONOMY);

        HttpResponse<String> answer = client.chat(Requests.answer("- 하나"));

        assertThat(SchemaCheck.violations(Requests.answerSchema(), SimulatorClient.content(answer)))
                .isEmpty();
        assertThat(simulator.stats().outcomes().ok()).isEqualTo(1);
    }

    @Test
    void a_hang_times_the_client_out_and_ends_after_the_hang_duration() {
        simulator.faults().next(Fault.HANG);

        assertThatThrownBy(() -> client.chat(Requests.answer("- 하나"), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);

        JsonNode during = client.stats();
        assertThat(during.at("/outcomes/hang").asLong()).isEqualTo(1);
        assertThat(Eventually.holds(() -> client.stats().path("in_flight").asLong() == 0))
                .isTrue();
        assertThat(client.chat(Requests.answer("- 하나")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_client_that_outwaits_the_hang_gets_a_gateway_timeout() throws Exception {
        simulator.faults().next(Fault.HANG);

        HttpResponse<String> response = client.chat(Requests.answer("- 하나"), Duration.ofSeconds(10));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(SimulatorClient.json(response).at("/error/code").asText()).isEqualTo("timeout");
    }

    @Test
    void closing_the_simulator_ends_a_hanging_request() {
        restart(SimulatorConfig.instant());
        simulator.faults().next(Fault.HANG);
        assertThatThrownBy(() -> client.chat(Requests.answer("- 하나"), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(simulator.stats().inFlight()).isEqualTo(1);

        simulator.close();

        assertThat(simulator.stats().inFlight()).isZero();
    }

    @Test
    void random_faults_follow_the_configured_rates() {
        restart(SimulatorConfig.instant().withFaultRates(FaultRates.parse("500=1")));

        assertThat(client.chat(Requests.answer("- 하나")).statusCode()).isEqualTo(500);
        assertThat(client.chat(Requests.answer("- 하나")).statusCode()).isEqualTo(500);
    }

    @Test
    void the_same_seed_draws_the_same_faults() {
        SimulatorConfig config =
                SimulatorConfig.instant().withSeed(7).withFaultRates(FaultRates.parse("429=0.3,500=0.3,malformed=0.2"));
        restart(config);
        List<Integer> first = statuses(20);
        restart(config);
        List<Integer> second = statuses(20);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 429, 500);
    }

    private List<Integer> statuses(int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(client.chat(Requests.answer("- 하나")).statusCode());
        }
        return statuses;
    }

    private void restart(SimulatorConfig config) {
        simulator.close();
        simulator = LlmSimulator.start(config);
        client = new SimulatorClient(simulator);
    }

    private static Set<String> enumOf(String property) {
        Set<String> values = new HashSet<>();
        Requests.visionSchema().at("/properties/" + property + "/enum").forEach(value -> values.add(value.asText()));
        return values;
    }
}
