package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.SimulatorConfig;
import dev.ecoscan.testkit.RecordingModelCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The vision step counts its request's copies of the image in the image's hold, and never takes more than the budget allows. */
class VisionImageHoldTest {

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    private final byte[] milk = read("milk-carton.png");
    private LlmSimulator simulator;

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void the_request_copies_of_the_image_are_counted_in_its_hold_and_the_hold_is_left_to_the_pipeline() {
        RecordingHold hold = new RecordingHold(milk.length, Long.MAX_VALUE);
        OpenAiAdapters adapters = adapters();

        ClassifierVerdict verdict = adapters.classifier().classify(vision(hold));

        assertThat(verdict).isInstanceOf(ClassifierVerdict.Classified.class);
        long base64 = 4L * ((milk.length + 2) / 3);
        assertThat(hold.largest).isEqualTo(milk.length + 4 * base64);
        // Whoever loaded the image closes its hold, once the call is over: the pipeline.
        assertThat(hold.closed).isFalse();
    }

    @Test
    void a_budget_that_cannot_take_the_request_copies_fails_the_step_as_overloaded_without_a_model_call() {
        RecordingHold hold = new RecordingHold(milk.length, milk.length);
        OpenAiAdapters adapters = adapters();

        ClassifierVerdict verdict = adapters.classifier().classify(vision(hold));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        ClassifierVerdict.Failure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(FailureKind.OVERLOADED));
        assertThat(simulator.stats().requests().vision()).isZero();
        assertThat(hold.bytes()).isEqualTo(milk.length);
    }

    /** A hold that grows up to {@code limit} and records the most it held and whether it was closed. */
    private static final class RecordingHold implements ImageHold {

        private final long limit;
        private long bytes;
        private long largest;
        private boolean closed;

        RecordingHold(long bytes, long limit) {
            this.bytes = bytes;
            this.largest = bytes;
            this.limit = limit;
        }

        @Override
        public synchronized long bytes() {
            return bytes;
        }

        @Override
        public synchronized boolean resizeTo(long wanted) {
            if (closed || wanted > limit) {
                return false;
            }
            bytes = wanted;
            largest = Math.max(largest, wanted);
            return true;
        }

        @Override
        public synchronized void close() {
            closed = true;
            bytes = 0;
        }
    }

    private OpenAiAdapters adapters() {
        simulator = LlmSimulator.start(
                SimulatorConfig.instant().withRetryAfter(Duration.ZERO).withPort(0));
        OpenAiSettings settings = SimulatorEndpoint.settings(simulator, 400, 1, false);
        return OpenAiAdapters.create(
                settings, KnowledgeBase.embedded().taxonomy(), new RecordingModelCalls(), Clock.systemUTC());
    }

    private ClassificationRequest vision(ImageHold hold) {
        return new ClassificationRequest(
                ScanId.random(),
                new Image(milk, "image/png"),
                hold,
                Optional.empty(),
                Instant.now().plusSeconds(30));
    }

    private static byte[] read(String sample) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
