package dev.ecoscan.application.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinishedStepsTest {

    private final ScanId scan = ScanId.random();

    @Test
    void each_finished_step_reaches_the_function_in_order() {
        List<Step> seen = new ArrayList<>();
        FinishedSteps steps = new FinishedSteps(event -> seen.add(event.step()));

        steps.record(event(Step.VISION));
        steps.record(event(Step.RAG));

        assertThat(seen).containsExactly(Step.VISION, Step.RAG);
        assertThat(steps.followsAnswerText()).isFalse();
    }

    @Test
    void a_function_that_throws_does_not_reach_the_scan() {
        FinishedSteps steps = new FinishedSteps(event -> {
            throw new IllegalStateException("terminal gone");
        });

        assertThatCode(() -> steps.record(event(Step.ANSWER))).doesNotThrowAnyException();
    }

    private StepEvent event(Step step) {
        return new StepEvent(scan, step, Duration.ofMillis(5), StepStatus.SUCCESS);
    }
}
