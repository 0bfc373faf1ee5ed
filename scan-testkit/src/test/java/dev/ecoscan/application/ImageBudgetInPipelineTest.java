package dev.ecoscan.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepStatus;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.PngText;
import dev.ecoscan.testkit.SampleLabelClassifier;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A scan's image is held in the budget from its load until vision is done, and given back however the scan ends. */
class ImageBudgetInPipelineTest {

    private final byte[] milk = PngText.write(png(), PngText.ITEM_KEY, "recyclable.paper-pack.milk-carton");
    private final ImageBudget budget = new ImageBudget(10 * milk.length);
    /** A source that holds every image it loads, as the service's does. */
    private final ImageSource images = reference -> budget.tryHold(milk.length)
            .<ImageLoad>map(hold -> new ImageLoad.Loaded(new Image(milk, "image/png"), hold))
            .orElseGet(() -> new ImageLoad.Overloaded("the image budget is full"));

    private final SampleLabelClassifier classifier =
            new SampleLabelClassifier(KnowledgeBase.embedded().taxonomy());

    @Test
    void the_image_is_given_back_when_the_scan_completes() {
        TestPipeline pipeline =
                ScanTestKit.pipeline().images(images).classifier(classifier).build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome).isInstanceOf(ScanOutcome.Completed.class);
        assertThat(budget.peak()).isEqualTo(milk.length);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void the_image_is_given_back_when_a_later_step_fails() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .images(images)
                .classifier(classifier)
                .answers(CannedAnswers.failing(FailureKind.UPSTREAM_UNAVAILABLE))
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Failed.class,
                        failed -> assertThat(failed.step()).isEqualTo(Step.ANSWER));
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void past_the_budget_the_scan_fails_as_overloaded_before_vision_and_holds_nothing() {
        ImageHold others = budget.tryHold(budget.capacity() - milk.length + 1).orElseThrow();
        TestPipeline pipeline =
                ScanTestKit.pipeline().images(images).classifier(classifier).build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Failed.class, failed -> {
            assertThat(failed.step()).isEqualTo(Step.VISION);
            assertThat(failed.kind()).isEqualTo(FailureKind.OVERLOADED);
        });
        // The image was never loaded, so vision never ran; the load itself is timed as failed.
        assertThat(outcome.timings()).isEmpty();
        assertThat(pipeline.recorder().imageLoads())
                .singleElement()
                .satisfies(load -> assertThat(load.status()).isEqualTo(StepStatus.FAILED));
        assertThat(budget.inUse()).isEqualTo(others.bytes());
        others.close();
    }

    @Test
    void the_image_is_given_back_when_vision_is_abandoned_at_the_deadline() {
        TestPipeline pipeline = ScanTestKit.pipeline()
                .images(images)
                .classifier(ScriptedClassifier.hangingUntilInterrupted())
                .deadline(Duration.ofMillis(200))
                .build();

        ScanOutcome outcome = pipeline.scan("milk.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Failed.class,
                        failed -> assertThat(failed.kind()).isEqualTo(FailureKind.DEADLINE_EXCEEDED));
        assertThat(budget.peak()).isEqualTo(milk.length);
        // The abandoned call closes the load on its own thread once its interrupt has stopped it.
        Instant giveUp = Instant.now().plusSeconds(10);
        while (budget.inUse() != 0 && Instant.now().isBefore(giveUp)) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        assertThat(budget.inUse()).isZero();
    }

    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
