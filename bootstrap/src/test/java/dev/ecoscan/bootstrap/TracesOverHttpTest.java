package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.SimulatorConfig;
import dev.ecoscan.testservers.Eventually;
import dev.ecoscan.testservers.RawHttpCapture;
import dev.ecoscan.testservers.ResponseLeaks;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with {@code ECO_SCAN_TRACES=otlp}, its SDK exporting into memory, and its LLM provider
 * the simulator behind a loopback server that keeps every request: one scan's span tree, the caller's
 * {@code traceparent} as the scan's parent, and the trace context each LLM request carries.
 */
class TracesOverHttpTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @TempDir
    Path dataDir;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LlmSimulator simulator;
    private RawHttpCapture provider;
    private TestServiceComponent engine;
    private RunningService service;

    @BeforeEach
    void start() throws IOException {
        // The standard OTEL_* settings, as system properties so they reach only this JVM's SDK.
        System.setProperty("otel.traces.exporter", "memory");
        System.setProperty("otel.bsp.schedule.delay", "20");
        simulator = LlmSimulator.start(SimulatorConfig.instant());
        provider = RawHttpCapture.forwardingTo(URI.create(simulator.baseUrl()));
        engine = TestServiceComponent.create(Settings.from(Map.of(
                "ECO_SCAN_CONFIG", "/dev/null",
                "ECO_SCAN_TRACES", "otlp",
                "ECO_SCAN_PORT", "0",
                "ECO_SCAN_DATA_DIR", dataDir.toString(),
                "ECO_SCAN_MODE", "dev",
                "ECO_SCAN_CACHE", "off",
                "ECO_SCAN_SAMPLES_DIR", System.getProperty("eco-scan.samples", "../samples"),
                "OPENAI_BASE_URL", provider.root() + "/v1")));
        service = engine.service();
    }

    @AfterEach
    void stop() throws IOException {
        if (service != null) {
            service.server().close();
        }
        if (engine != null) {
            engine.resources().close();
        }
        if (provider != null) {
            provider.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        System.clearProperty("otel.traces.exporter");
        System.clearProperty("otel.bsp.schedule.delay");
    }

    @Test
    void one_scan_is_a_span_tree_under_the_callers_trace_and_its_llm_requests_carry_their_client_spans()
            throws Exception {
        HttpResponse<String> response =
                post("/api/v1/scan/classify", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01", "뚜껑은 어떻게 버려요?");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        List<SpanData> spans = spansWithTheScanOf(TRACE_ID);
        SpanData scan = named(spans, "scan").getFirst();
        assertThat(scan.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(scan.getParentSpanId()).isEqualTo(CALLER_SPAN);
        assertThat(scan.getKind()).isEqualTo(SpanKind.SERVER);
        Map<String, SpanData> steps = spans.stream()
                .filter(span -> span.getParentSpanId().equals(scan.getSpanId()))
                .collect(Collectors.toMap(SpanData::getName, span -> span));
        assertThat(steps).containsKeys("image", "vision", "rag", "answer");

        // The question makes the hybrid strategy ask the answer model too: a chat span under each step.
        List<SpanData> chats =
                spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertThat(chats)
                .extracting(SpanData::getParentSpanId)
                .containsExactlyInAnyOrder(
                        steps.get("vision").getSpanId(), steps.get("answer").getSpanId());
        assertThat(chats).allSatisfy(chat -> {
            String model = chat.getAttributes().get(stringKey("gen_ai.request.model"));
            assertThat(chat.getName()).isEqualTo("chat " + model);
            assertThat(chat.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(chat.getAttributes().get(stringKey("gen_ai.operation.name")))
                    .isEqualTo("chat");
            assertThat(chat.getAttributes().get(stringKey("gen_ai.provider.name")))
                    .isEqualTo("openai_compatible");
            assertThat(chat.getAttributes().get(longKey("gen_ai.usage.input_tokens")))
                    .isPositive();
            assertThat(chat.getAttributes().get(longKey("gen_ai.usage.output_tokens")))
                    .isPositive();
        });

        // What the provider received: each request names its own client span, in the caller's trace.
        Set<String> sent = provider.requests().stream()
                .map(request -> request.header("traceparent"))
                .map(values -> values.getFirst().substring(0, 52))
                .collect(Collectors.toSet());
        assertThat(sent)
                .isEqualTo(chats.stream()
                        .map(chat -> "00-" + chat.getTraceId() + "-" + chat.getSpanId())
                        .collect(Collectors.toSet()));
    }

    @Test
    void a_jobs_scan_continues_the_trace_of_the_request_that_submitted_it() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";

        HttpResponse<String> response = post("/api/v1/scan", "00-" + trace + "-b7ad6b7169203331-01", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        SpanData scan = named(spansWithTheScanOf(trace), "scan").stream()
                .filter(span -> span.getTraceId().equals(trace))
                .findFirst()
                .orElseThrow();
        assertThat(scan.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    }

    private HttpResponse<String> post(String path, String traceparent, String question) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                        .header("traceparent", traceparent)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"image_url\":\"" + service.baseUrl()
                                + "/samples/milk-carton.png\",\"user_input\":\"" + question + "\"}"))
                        .build(),
                ResponseLeaks.checkedBodies());
    }

    private static AttributeKey<String> stringKey(String name) {
        return AttributeKey.stringKey(name);
    }

    private static AttributeKey<Long> longKey(String name) {
        return AttributeKey.longKey(name);
    }

    /** The spans exported once the scan span of one trace is: the SDK's batch processor exports every 20 ms here. */
    private static List<SpanData> spansWithTheScanOf(String traceId) {
        Eventually.holds(
                "the scan span of trace " + traceId + " is exported",
                () -> named(exported(), "scan").stream()
                        .anyMatch(span -> span.getTraceId().equals(traceId)));
        return exported();
    }

    private static List<SpanData> exported() {
        return MemorySpanExporterProvider.latest().getFinishedSpanItems();
    }

    private static List<SpanData> named(List<SpanData> spans, String name) {
        return spans.stream().filter(span -> span.getName().equals(name)).toList();
    }
}
