package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.simulator.Fault;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.RequestKind;
import dev.ecoscan.simulator.SimulatorConfig;
import dev.ecoscan.testkit.PngText;
import dev.ecoscan.testkit.RecordingModelCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real adapters, over real HTTP, against the in-process simulator (speed 0: no simulated latency). */
class OpenAiAdaptersOverHttpTest {

    private static final Path SAMPLES = SampleFiles.SAMPLES;
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.embedded();
    private static final Taxonomy TAXONOMY = KNOWLEDGE.taxonomy();

    private final RecordingModelCalls calls = new RecordingModelCalls();
    private LlmSimulator simulator;

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void each_sample_is_classified_as_the_item_it_carries() throws IOException {
        OpenAiAdapters adapters = adapters(SimulatorConfig.instant(), settings -> settings);
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(p -> p.toString().endsWith(".png")
                            && !p.getFileName().toString().startsWith("unknown-"))
                    .sorted()
                    .toList();
        }

        for (Path sample : samples) {
            ClassifierVerdict verdict =
                    adapters.classifier().classify(vision(sample.getFileName().toString(), Duration.ofSeconds(30)));
            String itemId = PngText.read(Files.readAllBytes(sample)).get(PngText.ITEM_KEY);
            assertThat(verdict)
                    .as(sample.toString())
                    .isInstanceOfSatisfying(
                            ClassifierVerdict.Classified.class,
                            classified -> assertThat(classified
                                            .classification()
                                            .item()
                                            .orElseThrow()
                                            .id())
                                    .isEqualTo(NodeId.of(itemId)));
        }
        assertThat(simulator.stats().requests().vision()).isEqualTo(samples.size());
    }

    @Test
    void an_image_naming_no_known_item_is_unclassifiable() {
        OpenAiAdapters adapters = adapters(SimulatorConfig.instant(), settings -> settings);

        assertThat(adapters.classifier().classify(vision("unknown-gadget.png", Duration.ofSeconds(30))))
                .isInstanceOf(ClassifierVerdict.Unclassifiable.class);
    }

    @Test
    void invalid_json_gets_one_repair_and_then_succeeds() {
        OpenAiAdapters adapters = adapters(SimulatorConfig.instant(), settings -> settings);
        simulator.faults().nextFor(RequestKind.VISION, Fault.MALFORMED_JSON);

        ClassifierVerdict verdict = adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(30)));

        assertThat(verdict).isInstanceOf(ClassifierVerdict.Classified.class);
        assertThat(simulator.stats().requests().vision()).isEqualTo(2);
        assertThat(calls.callsOf(Step.VISION)).hasSize(2);
    }

    @Test
    void labels_outside_the_taxonomy_twice_give_a_typed_failure() {
        OpenAiAdapters adapters = adapters(SimulatorConfig.instant(), settings -> settings);
        simulator.faults().nextFor(RequestKind.VISION, Fault.OUT_OF_TAXONOMY, Fault.OUT_OF_TAXONOMY);

        ClassifierVerdict verdict = adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(30)));

        assertThat(verdict).isInstanceOfSatisfying(ClassifierVerdict.Failure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_OUTPUT);
            assertThat(failure.detail()).contains("after one repair");
        });
        assertThat(simulator.stats().requests().vision()).isEqualTo(2);
    }

    @Test
    void a_429_with_retry_after_is_retried_after_the_delay() {
        OpenAiAdapters adapters =
                adapters(SimulatorConfig.instant().withRetryAfter(Duration.ofSeconds(1)), settings -> settings);
        simulator.faults().nextFor(RequestKind.VISION, Fault.RATE_LIMIT);

        long start = System.nanoTime();
        ClassifierVerdict verdict = adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(30)));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(verdict).isInstanceOf(ClassifierVerdict.Classified.class);
        // The adapter cannot have retried sooner than the provider asked.
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(calls.callsOf(Step.VISION)).extracting(ModelCall::outcome).containsExactly("rate_limited", "ok");
    }

    @Test
    void retries_are_bounded() {
        OpenAiAdapters adapters = adapters(
                SimulatorConfig.instant().withRetryAfter(Duration.ofSeconds(0)), settings -> withRetries(settings, 2));
        simulator
                .faults()
                .nextFor(
                        RequestKind.VISION,
                        Fault.SERVER_ERROR,
                        Fault.SERVER_ERROR,
                        Fault.SERVER_ERROR,
                        Fault.SERVER_ERROR);

        ClassifierVerdict verdict = adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(30)));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        ClassifierVerdict.Failure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE));
        assertThat(simulator.stats().requests().vision()).isEqualTo(3);
    }

    @Test
    void a_retry_after_past_the_deadline_is_not_waited_for() {
        OpenAiAdapters adapters =
                adapters(SimulatorConfig.instant().withRetryAfter(Duration.ofSeconds(60)), settings -> settings);
        simulator.faults().nextFor(RequestKind.VISION, Fault.RATE_LIMIT);

        long start = System.nanoTime();
        ClassifierVerdict verdict = adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(10)));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        ClassifierVerdict.Failure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("a 60 s Retry-After cannot be waited for within a 10 s deadline, so it is not waited for at all")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(simulator.stats().requests().vision()).isEqualTo(1);
    }

    @Test
    void a_hang_is_a_typed_timeout_at_the_steps_read_timeout() {
        OpenAiAdapters adapters = adapters(
                SimulatorConfig.instant().withHangDuration(Duration.ofSeconds(30)),
                settings -> withVisionReadTimeout(settings, Duration.ofMillis(300)));
        simulator.faults().nextFor(RequestKind.VISION, Fault.HANG);

        ClassifierVerdict verdict = adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(30)));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        ClassifierVerdict.Failure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.UPSTREAM_TIMEOUT));
    }

    @Test
    void a_hang_ends_at_the_scans_deadline_when_that_comes_first() {
        OpenAiAdapters adapters =
                adapters(SimulatorConfig.instant().withHangDuration(Duration.ofSeconds(30)), settings -> settings);
        simulator.faults().nextFor(RequestKind.VISION, Fault.HANG);

        ClassifierVerdict verdict = adapters.classifier().classify(vision("milk-carton.png", Duration.ofMillis(400)));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        ClassifierVerdict.Failure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.DEADLINE_EXCEEDED));
    }

    @Test
    void usage_tokens_are_recorded_per_step_and_model() {
        OpenAiAdapters adapters = adapters(SimulatorConfig.instant(), settings -> settings);
        ScanId scan = ScanId.random();

        adapters.classifier()
                .classify(SampleFiles.vision(
                        scan, "milk-carton.png", Instant.now().plusSeconds(30)));
        adapters.answers().answer(answerRequest(scan, "뚜껑은 어떻게 해요?"));

        assertThat(calls.calls()).extracting(ModelCall::step).containsExactly(Step.VISION, Step.ANSWER);
        assertThat(calls.calls()).allSatisfy(call -> {
            assertThat(call.scanId()).isEqualTo(scan);
            assertThat(call.model()).isEqualTo("test-model");
            assertThat(call.inputTokens()).isPositive();
            assertThat(call.outputTokens()).isPositive();
            assertThat(call.succeeded()).isTrue();
        });
        assertThat(calls.callsOf(Step.VISION).getFirst().inputTokens())
                .as("the vision prompt carries the whole taxonomy")
                .isGreaterThan(calls.callsOf(Step.ANSWER).getFirst().inputTokens());
    }

    @Test
    void the_same_image_twice_makes_one_vision_call_with_the_cache_on() {
        OpenAiAdapters adapters = adapters(SimulatorConfig.instant(), settings -> settings);

        adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(30)));
        adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(30)));

        assertThat(simulator.stats().requests().vision()).isEqualTo(1);
    }

    @Test
    void the_same_image_twice_makes_two_vision_calls_with_the_cache_off() {
        OpenAiAdapters adapters = adapters(SimulatorConfig.instant(), settings -> withCache(settings, false));

        adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(30)));
        adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(30)));

        assertThat(simulator.stats().requests().vision()).isEqualTo(2);
    }

    @Test
    void the_answer_is_grounded_in_the_rule_and_lists_what_to_fix() {
        OpenAiAdapters adapters = adapters(SimulatorConfig.instant(), settings -> settings);
        AnswerRequest request = answerRequest(ScanId.random(), null);

        AnswerResult result = adapters.answers().answer(request);

        assertThat(result).isInstanceOfSatisfying(AnswerResult.Answered.class, answered -> {
            Answer answer = answered.answer();
            assertThat(answer.steps())
                    .isNotEmpty()
                    .allSatisfy(step -> assertThat(request.rule()
                                    .stepsFor(request.classification().item().orElseThrow()))
                            .contains(step));
            String labelAdvice = TAXONOMY.tag("비닐_라벨_부착").orElseThrow().advice().orElseThrow();
            assertThat(answer.insufficiencies()).contains(labelAdvice);
        });
        assertThat(simulator.stats().requests().answer()).isEqualTo(1);
    }

    @Test
    void an_unreachable_provider_is_a_typed_failure() {
        OpenAiAdapters adapters = adapters(SimulatorConfig.instant(), settings -> withRetries(settings, 0));
        simulator.close();

        assertThat(adapters.classifier().classify(vision("milk-carton.png", Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(
                        ClassifierVerdict.Failure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE));
        simulator = null;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private OpenAiAdapters adapters(SimulatorConfig config, java.util.function.UnaryOperator<OpenAiSettings> adjust) {
        simulator = LlmSimulator.start(config.withPort(0));
        OpenAiSettings settings = SimulatorEndpoint.settings(simulator, 400, 2, true);
        return OpenAiAdapters.create(adjust.apply(settings), TAXONOMY, calls, Clock.systemUTC());
    }

    private static OpenAiSettings withRetries(OpenAiSettings s, int retries) {
        return new OpenAiSettings(
                s.chain(),
                s.vision(),
                s.answer(),
                s.sampling(),
                new RetryPolicy(retries, Duration.ofMillis(10), Duration.ofMillis(50)),
                s.breaker(),
                s.cacheEnabled(),
                s.cacheSize());
    }

    private static OpenAiSettings withCache(OpenAiSettings s, boolean enabled) {
        return new OpenAiSettings(
                s.chain(), s.vision(), s.answer(), s.sampling(), s.retries(), s.breaker(), enabled, s.cacheSize());
    }

    private static OpenAiSettings withVisionReadTimeout(OpenAiSettings s, Duration timeout) {
        StepLimits v = s.vision();
        return new OpenAiSettings(
                s.chain(),
                new StepLimits(v.connectTimeout(), timeout, v.maxOutputTokens()),
                s.answer(),
                s.sampling(),
                s.retries(),
                s.breaker(),
                s.cacheEnabled(),
                s.cacheSize());
    }

    private static ClassificationRequest vision(String sample, Duration deadline) {
        return SampleFiles.vision(sample, Instant.now().plus(deadline));
    }

    private static AnswerRequest answerRequest(ScanId scan, String question) {
        Classification bottle = ((Resolution.Resolved)
                        TAXONOMY.resolve(CategoryLabels.of("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착")))
                .classification();
        DisposalRule rule = KNOWLEDGE.rules().find(bottle).orElseThrow();
        return new AnswerRequest(
                scan, bottle, rule, Optional.ofNullable(question), Instant.now().plusSeconds(30));
    }

    static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
