package dev.ecoscan.adapter.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.application.ScanPipeline;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import dev.ecoscan.testservers.RawHttpCapture;
import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ECO_SCAN_TRACES=otlp}'s SDK, set up from the standard OTEL_* settings, exports a scan's spans
 * over OTLP/HTTP with the JDK's client (OkHttp is not on the class path) to a loopback collector.
 */
class OtlpExportTest {

    @AfterEach
    void clearSettings() {
        System.clearProperty("otel.exporter.otlp.endpoint");
        System.clearProperty("otel.exporter.otlp.protocol");
    }

    @Test
    void a_set_up_eco_scan_cannot_honour_is_refused_with_the_sdks_reason() {
        // gRPC needs a sender eco-scan does not ship.
        System.setProperty("otel.exporter.otlp.protocol", "grpc");

        assertThatThrownBy(Traces::otlp)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GrpcSenderProvider");
    }

    @Test
    void closing_the_traces_exports_the_scans_spans_to_the_otlp_endpoint_over_http_by_default() throws IOException {
        try (RawHttpCapture collector =
                RawHttpCapture.start(request -> new RawHttpCapture.Reply(200, "application/x-protobuf", new byte[0]))) {
            System.setProperty("otel.exporter.otlp.endpoint", collector.root());
            TestPipeline kit = ScanTestKit.pipeline()
                    .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                    .build();

            try (Traces traces = Traces.otlp()) {
                traces.traced(ScanPipeline.assemble(
                                traces.traced(kit.ports()), traces.traced(StepRecorder.none()), Clock.systemUTC()))
                        .scan(kit.request("milk-carton.png", null));
            }

            assertThat(collector.requests()).isNotEmpty().allSatisfy(request -> {
                assertThat(request.requestLine()).startsWith("POST /v1/traces ");
                assertThat(request.header("Content-Type")).containsExactly("application/x-protobuf");
            });
        }
    }
}
