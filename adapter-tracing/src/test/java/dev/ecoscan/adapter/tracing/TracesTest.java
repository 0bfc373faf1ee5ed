package dev.ecoscan.adapter.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.application.PipelinePorts;
import dev.ecoscan.application.ScanPipeline;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallTracer;
import dev.ecoscan.domain.port.ModelCallTracer.TracedModelCall;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.TraceParent;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracesTest {

    private static final String INCOMING = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    private final Traces traces =
            Traces.using(OpenTelemetrySdk.builder().setTracerProvider(provider).build(), Clock.systemUTC());

    @AfterEach
    void shutDown() {
        provider.close();
    }

    @Test
    void a_scan_is_a_span_under_the_callers_trace_with_a_child_span_per_step() {
        TestPipeline kit = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .build();
        ScanRequest request = kit.request("milk-carton.png", null).withTrace(TraceParent.parse(INCOMING));

        ScanOutcome outcome = traced(kit.ports()).scan(request);

        assertThat(outcome).isInstanceOf(ScanOutcome.Completed.class);
        SpanData scan = only("scan");
        assertThat(scan.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(scan.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(scan.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(scan.getAttributes().get(TraceNames.SCAN_ID))
                .isEqualTo(request.id().toString());
        assertThat(scan.getAttributes().get(TraceNames.SCAN_OUTCOME)).isEqualTo("completed");
        List<String> steps = exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getParentSpanId().equals(scan.getSpanId()))
                .map(SpanData::getName)
                .toList();
        assertThat(steps).containsExactly("image", "vision", "rag", "answer", "reward_match");
        assertThat(exporter.getFinishedSpanItems())
                .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(scan.getTraceId()));
    }

    @Test
    void a_model_call_is_a_genai_client_span_under_its_step_whose_traceparent_goes_out() {
        AtomicReference<Map<String, String>> sent = new AtomicReference<>();
        ModelCallTracer calls = traces.modelCalls();
        TestPipeline kit = ScanTestKit.pipeline()
                .classifier(new ScriptedClassifier(request -> {
                    // What the LLM adapter does around each call: open its trace, send its headers, close it.
                    TracedModelCall call = calls.start(request.scanId(), Step.VISION, "openai", "gpt-test");
                    sent.set(call.headers());
                    call.end(
                            new ModelCall(
                                    request.scanId(),
                                    Step.VISION,
                                    "primary",
                                    "openai",
                                    "gpt-test",
                                    120,
                                    30,
                                    Optional.empty(),
                                    Duration.ofMillis(5),
                                    "ok"),
                            Optional.of("gpt-test-2026"));
                    return new ClassifierVerdict.Failure(FailureKind.UPSTREAM_UNAVAILABLE, "the provider is down");
                }))
                .build();

        ScanOutcome outcome = traced(kit.ports()).scan(kit.request("milk-carton.png", null));

        assertThat(outcome).isInstanceOf(ScanOutcome.Failed.class);
        SpanData vision = only("vision");
        SpanData chat = only("chat gpt-test");
        assertThat(chat.getParentSpanId()).isEqualTo(vision.getSpanId());
        assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(chat.getAttributes().get(TraceNames.OPERATION)).isEqualTo("chat");
        assertThat(chat.getAttributes().get(TraceNames.PROVIDER)).isEqualTo("openai");
        assertThat(chat.getAttributes().get(TraceNames.REQUEST_MODEL)).isEqualTo("gpt-test");
        assertThat(chat.getAttributes().get(TraceNames.RESPONSE_MODEL)).isEqualTo("gpt-test-2026");
        assertThat(chat.getAttributes().get(TraceNames.INPUT_TOKENS)).isEqualTo(120L);
        assertThat(chat.getAttributes().get(TraceNames.OUTPUT_TOKENS)).isEqualTo(30L);
        // The flags vary (sampled, and whether the trace id is random); the ids are the chat span's.
        assertThat(sent.get().get("traceparent")).startsWith("00-" + chat.getTraceId() + "-" + chat.getSpanId() + "-");
        assertThat(vision.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(vision.getAttributes().get(TraceNames.ERROR_TYPE)).isEqualTo("upstream_unavailable");
        assertThat(only("scan").getAttributes().get(TraceNames.ERROR_TYPE)).isEqualTo("upstream_unavailable");
    }

    @Test
    void a_failed_model_call_carries_its_error_type() {
        TracedModelCall call = traces.modelCalls().start(ScanId.random(), Step.ANSWER, "openai", "m");
        call.end(
                new ModelCall(
                        ScanId.random(),
                        Step.ANSWER,
                        "primary",
                        "openai",
                        "m",
                        0,
                        0,
                        Optional.empty(),
                        Duration.ofMillis(1),
                        "rate_limited"),
                Optional.empty());

        SpanData chat = only("chat m");
        assertThat(chat.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(chat.getAttributes().get(TraceNames.ERROR_TYPE)).isEqualTo("rate_limited");
        assertThat(chat.getAttributes().get(TraceNames.INPUT_TOKENS)).isNull();
    }

    @Test
    void with_traces_off_nothing_is_wrapped_and_no_call_is_traced() {
        Traces off = Traces.off();
        TestPipeline kit = ScanTestKit.pipeline().build();
        StepRecorder listeners = StepRecorder.none();

        assertThat(off.enabled()).isFalse();
        assertThat(off.traced(kit.ports())).isSameAs(kit.ports());
        assertThat(off.traced(listeners)).isSameAs(listeners);
        assertThat(off.traced((ScanWaste) kit)).isSameAs(kit);
        assertThat(off.modelCalls()
                        .start(ScanId.random(), Step.VISION, "openai", "m")
                        .headers())
                .isEmpty();
    }

    private ScanWaste traced(PipelinePorts ports) {
        return traces.traced(
                ScanPipeline.assemble(traces.traced(ports), traces.traced(StepRecorder.none()), Clock.systemUTC()));
    }

    private SpanData only(String name) {
        List<SpanData> named = exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name))
                .toList();
        assertThat(named).as("spans named " + name).hasSize(1);
        return named.getFirst();
    }
}
