package dev.ecoscan.application.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StepTimerTest {

    private static final Image PIXEL = new Image(new byte[] {1}, "image/png");

    private final List<StepEvent> events = new ArrayList<>();
    /** Each reading advances 7 ms, so every timed call lasts exactly 7 ms. */
    private final AtomicLong ticks = new AtomicLong();

    private final StepTimer timer = new StepTimer(events::add, () -> ticks.getAndAdd(7_000_000));
    private final ScanId scan = ScanId.random();

    @Test
    void a_successful_call_is_recorded_with_its_duration_and_status() {
        String result = timer.time(scan, Step.RAG, () -> "rule", r -> StepStatus.SUCCESS);

        assertThat(result).isEqualTo("rule");
        assertThat(events).containsExactly(new StepEvent(scan, Step.RAG, Duration.ofMillis(7), StepStatus.SUCCESS));
    }

    @Test
    void a_throwing_call_is_recorded_as_an_error_and_the_error_propagates() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> timer.time(
                        scan,
                        Step.ANSWER,
                        () -> {
                            throw boom;
                        },
                        r -> StepStatus.SUCCESS))
                .isSameAs(boom);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.step()).isEqualTo(Step.ANSWER);
            assertThat(e.status()).isEqualTo(StepStatus.ERROR);
        });
    }

    @Test
    void a_broken_recorder_does_not_break_the_call() {
        StepTimer fragile = new StepTimer(
                event -> {
                    throw new IllegalStateException("metrics down");
                },
                System::nanoTime);

        assertThat(fragile.time(scan, Step.VISION, () -> 42, r -> StepStatus.SUCCESS))
                .isEqualTo(42);
    }

    @Test
    void the_classifier_decorator_maps_each_verdict_to_a_status() {
        assertThat(statusOfVision(new ClassifierVerdict.Unclassifiable("blurry")))
                .isEqualTo(StepStatus.REJECTED);
        assertThat(statusOfVision(new ClassifierVerdict.OutOfTaxonomy("no such category")))
                .isEqualTo(StepStatus.REJECTED);
        assertThat(statusOfVision(new ClassifierVerdict.Failure(FailureKind.UPSTREAM_UNAVAILABLE, "503")))
                .isEqualTo(StepStatus.FAILED);
        assertThat(statusOfVision(new ClassifierVerdict.Failure(FailureKind.DEADLINE_EXCEEDED, "late")))
                .isEqualTo(StepStatus.TIMEOUT);
    }

    private StepStatus statusOfVision(ClassifierVerdict verdict) {
        events.clear();
        Classifier classifier = new TimedClassifier(request -> verdict, timer);
        classifier.classify(new ClassificationRequest(scan, PIXEL, ImageHold.NONE, Optional.empty(), Instant.MAX));
        return events.getFirst().status();
    }

    @Test
    void the_image_load_is_recorded_beside_the_steps_never_among_them() {
        List<ImageLoadEvent> loads = new ArrayList<>();
        StepRecorder recorder = new StepRecorder() {
            @Override
            public void record(StepEvent event) {
                events.add(event);
            }

            @Override
            public void recordImageLoad(ImageLoadEvent event) {
                loads.add(event);
            }
        };
        TimedImageSource images = new TimedImageSource(
                reference -> reference.toString().contains("gone")
                        ? new ImageLoad.Unreadable("404 from the host")
                        : new ImageLoad.Loaded(PIXEL),
                new StepTimer(recorder, () -> ticks.getAndAdd(7_000_000)));

        images.load(scan, ImageReference.parse("milk.png"));
        images.load(scan, ImageReference.parse("gone.png"));

        assertThat(loads)
                .containsExactly(
                        new ImageLoadEvent(scan, Duration.ofMillis(7), StepStatus.SUCCESS),
                        new ImageLoadEvent(scan, Duration.ofMillis(7), StepStatus.REJECTED));
        assertThat(events).isEmpty();
    }
}
