package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.SimulatorConfig;
import dev.ecoscan.testkit.RecordingModelCalls;
import dev.ecoscan.testservers.LocalServers;
import dev.ecoscan.testservers.RawHttpCapture;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A chain of endpoints: when a step moves to the next one, and when it must not. */
class ProviderChainTest {

    private static final Path SAMPLES = SampleFiles.SAMPLES;
    private static final String SECRET_BODY = "{\"error\":{\"message\":\"Incorrect API key provided: sk-pro****. "
            + "Internal trace id 4711\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";

    private final RecordingModelCalls calls = new RecordingModelCalls();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void a_primary_that_refuses_connections_hands_the_step_to_the_fallback() throws IOException {
        LlmSimulator fallback = simulator();
        OpenAiAdapters adapters = adapters(endpoint("primary", closedPort()), endpoint("fallback", fallback.baseUrl()));

        ClassifierVerdict verdict = adapters.classifier().classify(vision());

        assertThat(verdict).isInstanceOf(ClassifierVerdict.Classified.class);
        assertThat(calls.calls())
                .extracting(ModelCall::endpoint, ModelCall::outcome)
                .containsExactly(tuple("primary", "unreachable"), tuple("fallback", "ok"));
        assertThat(calls.calls()).extracting(ModelCall::provider).containsOnly("openai_compatible");
    }

    @Test
    void server_errors_are_retried_on_the_same_endpoint_before_the_chain_moves_on() throws IOException {
        RawHttpCapture failing =
                capture(request -> RawHttpCapture.Reply.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        LlmSimulator fallback = simulator();
        OpenAiAdapters adapters =
                adapters(endpoint("primary", failing.root() + "/v1"), endpoint("fallback", fallback.baseUrl()));

        ClassifierVerdict verdict = adapters.classifier().classify(vision());

        assertThat(verdict).isInstanceOf(ClassifierVerdict.Classified.class);
        assertThat(failing.requests()).hasSize(2);
        assertThat(calls.calls()).extracting(ModelCall::outcome).containsExactly("server_error", "server_error", "ok");
    }

    @Test
    void a_request_the_provider_refuses_is_neither_retried_nor_sent_to_the_fallback_and_its_body_stays_in_the_log()
            throws IOException {
        RawHttpCapture refusing = capture(request -> RawHttpCapture.Reply.json(400, SECRET_BODY));
        LlmSimulator fallback = simulator();
        OpenAiAdapters adapters =
                adapters(endpoint("primary", refusing.root() + "/v1"), endpoint("fallback", fallback.baseUrl()));

        ClassifierVerdict verdict = adapters.classifier().classify(vision());

        assertThat(verdict).isInstanceOfSatisfying(ClassifierVerdict.Failure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE);
            assertThat(failure.detail())
                    .contains("refused the request (400)")
                    .doesNotContain("Incorrect API key")
                    .doesNotContain("4711");
        });
        assertThat(refusing.requests()).hasSize(1);
        assertThat(fallback.stats().requests().vision()).isZero();
    }

    @Test
    void an_endpoint_that_keeps_failing_opens_its_circuit_and_later_steps_go_straight_to_the_fallback()
            throws IOException {
        LlmSimulator fallback = simulator();
        OpenAiAdapters adapters = adapters(endpoint("primary", closedPort()), endpoint("fallback", fallback.baseUrl()));

        for (int i = 0; i < 6; i++) {
            assertThat(adapters.classifier().classify(vision())).isInstanceOf(ClassifierVerdict.Classified.class);
        }

        assertThat(breakers.circuitBreaker("llm-primary").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(calls.calls())
                .filteredOn(call -> call.endpoint().equals("primary"))
                .hasSize(4);
        assertThat(calls.calls())
                .filteredOn(call -> call.endpoint().equals("fallback"))
                .hasSize(6);
    }

    @Test
    void azure_gets_its_deployment_url_its_api_version_and_its_key_as_api_key() throws IOException {
        RawHttpCapture azure =
                capture(request -> RawHttpCapture.Reply.json(200, StrictReplies.vision(request.bodyText())));
        ProviderEndpoint deployment = new ProviderEndpoint(
                "primary",
                Provider.AZURE_OPENAI,
                URI.create(azure.root() + "/openai/deployments/vision-prod"),
                "azure-key-123",
                "gpt-4.1-mini",
                "gpt-4.1-mini",
                Optional.of("2024-10-21"),
                StructuredOutput.JSON_SCHEMA,
                TokenParameter.MAX_COMPLETION_TOKENS);

        ClassifierVerdict verdict = adapters(deployment).classifier().classify(vision());

        assertThat(verdict).isInstanceOf(ClassifierVerdict.Classified.class);
        assertThat(azure.requests()).singleElement().satisfies(request -> {
            assertThat(request.requestLine())
                    .startsWith("POST /openai/deployments/vision-prod/chat/completions?api-version=2024-10-21 ");
            assertThat(request.header("api-key")).containsExactly("azure-key-123");
            assertThat(request.header("Authorization")).isEmpty();
        });
        assertThat(calls.calls())
                .as("metrics name the provider as OpenTelemetry's GenAI conventions do")
                .extracting(ModelCall::provider)
                .containsExactly("azure.ai.openai");
    }

    @Test
    void llm_calls_on_cleartext_offer_no_h2c_upgrade_and_send_one_json_body() throws IOException {
        RawHttpCapture server =
                capture(request -> RawHttpCapture.Reply.json(200, StrictReplies.vision(request.bodyText())));

        adapters(endpoint("primary", server.root() + "/v1")).classifier().classify(vision());

        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.requestLine()).endsWith("HTTP/1.1");
            assertThat(request.header("Upgrade")).isEmpty();
            assertThat(request.header("HTTP2-Settings")).isEmpty();
            assertThat(request.header("Connection")).noneMatch(value -> value.contains("Upgrade"));
            assertThat(request.header("Content-Type")).containsExactly("application/json");
            assertThat(request.header("Content-Length"))
                    .containsExactly(String.valueOf(request.bodyText().getBytes(StandardCharsets.UTF_8).length));
            assertThat(request.bodyText()).startsWith("{").contains("\"messages\"");
        });
    }

    private OpenAiAdapters adapters(ProviderEndpoint... chain) {
        StepLimits limits = new StepLimits(Duration.ofSeconds(1), Duration.ofSeconds(5), 300);
        OpenAiSettings settings = new OpenAiSettings(
                List.of(chain),
                limits,
                limits,
                Sampling.providerDefaults(),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(20)),
                new BreakerPolicy(4, 4, 50, Duration.ofMinutes(1)),
                false,
                10);
        return OpenAiAdapters.create(
                settings,
                KnowledgeBase.embedded().taxonomy(),
                calls,
                Clock.systemUTC(),
                breakers,
                RetryRegistry.ofDefaults());
    }

    private static ProviderEndpoint endpoint(String name, String baseUrl) {
        return ProviderEndpoint.of(
                name, Provider.OPENAI_COMPATIBLE, URI.create(baseUrl), "sk-test", "test-model", "test-model");
    }

    private LlmSimulator simulator() {
        LlmSimulator simulator = LlmSimulator.start(SimulatorConfig.instant().withPort(0));
        servers.add(simulator);
        return simulator;
    }

    private RawHttpCapture capture(java.util.function.Function<RawHttpCapture.Captured, RawHttpCapture.Reply> reply)
            throws IOException {
        RawHttpCapture capture = RawHttpCapture.start(reply);
        servers.add(capture);
        return capture;
    }

    private static String closedPort() throws IOException {
        return "http://127.0.0.1:" + LocalServers.freeLoopbackPort() + "/v1";
    }

    private static ClassificationRequest vision() {
        return SampleFiles.vision("milk-carton.png", Instant.now().plusSeconds(20));
    }
}
