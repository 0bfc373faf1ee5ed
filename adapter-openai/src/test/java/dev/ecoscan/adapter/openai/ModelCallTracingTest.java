package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.port.AnswerStream;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.port.ModelCallTracer;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.SimulatorConfig;
import dev.ecoscan.testservers.RawHttpCapture;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each model call is traced through the {@link ModelCallTracer} port, and the request that goes over
 * the wire carries the headers its trace gave it, on the plain and the streamed path alike.
 */
class ModelCallTracingTest {

    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.embedded();
    private static final Taxonomy TAXONOMY = KNOWLEDGE.taxonomy();

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<Ended> ended = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private LlmSimulator simulator;
    private RawHttpCapture provider;

    /** What a traced call was closed with. */
    private record Ended(String traceparent, ModelCall call, Optional<String> responseModel) {}

    /** A tracer that gives each call a traceparent of its own and keeps how each ended. */
    private final ModelCallTracer tracer = (scanId, step, providerName, model) -> {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-%016x-01".formatted(calls.incrementAndGet());
        started.add(step.label() + " " + providerName + " " + model);
        return new ModelCallTracer.TracedModelCall() {
            @Override
            public Map<String, String> headers() {
                return Map.of("traceparent", traceparent);
            }

            @Override
            public void end(ModelCall call, Optional<String> responseModel) {
                ended.add(new Ended(traceparent, call, responseModel));
            }
        };
    };

    @BeforeEach
    void start() throws IOException {
        simulator = LlmSimulator.start(SimulatorConfig.instant());
        provider = RawHttpCapture.forwardingTo(URI.create(simulator.baseUrl()));
    }

    @AfterEach
    void stop() throws IOException {
        provider.close();
        simulator.close();
    }

    @Test
    void a_plain_answer_call_sends_its_traceparent_and_ends_its_trace_with_the_call() {
        answered(adapters().answers().answer(request(Optional.empty())));

        assertThat(started).containsExactly("answer openai_compatible test-model");
        assertThat(provider.requests())
                .extracting(r -> r.header("traceparent"))
                .containsExactly(List.of(ended.getFirst().traceparent()));
        assertThat(ended.getFirst().call().step()).isEqualTo(Step.ANSWER);
        assertThat(ended.getFirst().call().succeeded()).isTrue();
        assertThat(ended.getFirst().call().inputTokens()).isPositive();
        assertThat(ended.getFirst().responseModel()).isPresent();
    }

    @Test
    void a_streamed_answer_call_sends_its_traceparent_too() {
        List<String> pieces = new CopyOnWriteArrayList<>();

        answered(adapters().answers().answer(request(Optional.of(delta -> pieces.add(delta.text())))));

        assertThat(pieces).isNotEmpty();
        assertThat(provider.requests())
                .extracting(r -> r.header("traceparent"))
                .containsExactly(List.of(ended.getFirst().traceparent()));
        assertThat(ended)
                .singleElement()
                .satisfies(end -> assertThat(end.call().succeeded()).isTrue());
    }

    private OpenAiAdapters adapters() {
        OpenAiSettings settings = SimulatorEndpoint.settings(simulator, 500, 0, false);
        ProviderEndpoint behind = settings.chain().getFirst();
        // The same endpoint, reached through the capturing server in front of the simulator.
        OpenAiSettings captured = new OpenAiSettings(
                List.of(ProviderEndpoint.of(
                        behind.name(),
                        behind.provider(),
                        URI.create(provider.root() + "/v1"),
                        behind.apiKey(),
                        "test-model",
                        "test-model")),
                settings.vision(),
                settings.answer(),
                settings.sampling(),
                settings.retries(),
                settings.breaker(),
                false,
                settings.cacheSize());
        return OpenAiAdapters.create(
                captured,
                TAXONOMY,
                ModelCallRecorder.none(),
                tracer,
                Clock.systemUTC(),
                CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults());
    }

    private static AnswerRequest request(Optional<AnswerStream> stream) {
        Instant deadline = Instant.now().plusSeconds(30);
        return stream.map(s ->
                        new AnswerRequest(ScanId.random(), bottle(), rule(), Optional.of("뚜껑은 어떻게 버려요?"), deadline, s))
                .orElseGet(() ->
                        new AnswerRequest(ScanId.random(), bottle(), rule(), Optional.of("뚜껑은 어떻게 버려요?"), deadline));
    }

    private static void answered(AnswerResult result) {
        assertThat(result).isInstanceOf(AnswerResult.Answered.class);
    }

    private static Classification bottle() {
        return ((Resolution.Resolved) TAXONOMY.resolve(CategoryLabels.of("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착")))
                .classification();
    }

    private static DisposalRule rule() {
        return KNOWLEDGE.rules().find(bottle()).orElseThrow();
    }
}
