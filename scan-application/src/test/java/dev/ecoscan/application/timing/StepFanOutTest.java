package dev.ecoscan.application.timing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepFanOutTest {

    private static final StepEvent VISION =
            new StepEvent(ScanId.random(), Step.VISION, Duration.ofMillis(5), StepStatus.SUCCESS);

    @Test
    void every_listener_gets_the_event_even_after_one_that_throws() {
        List<StepEvent> seen = new ArrayList<>();
        StepRecorder broken = event -> {
            throw new IllegalStateException("a listener's bug");
        };

        new StepFanOut(List.of(broken, seen::add)).record(VISION);

        assertThat(seen).containsExactly(VISION);
    }

    @Test
    void the_answer_text_is_followed_when_any_listener_follows_it() {
        StepRecorder follower = new StepRecorder() {
            @Override
            public void record(StepEvent event) {}

            @Override
            public boolean followsAnswerText() {
                return true;
            }
        };

        assertThat(new StepFanOut(List.of(StepRecorder.none(), follower)).followsAnswerText())
                .isTrue();
        assertThat(new StepFanOut(List.of(StepRecorder.none())).followsAnswerText())
                .isFalse();
    }
}
