package dev.ecoscan.application.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both recorders see every call, in the order they were made. */
class ModelCallFanOutTest {

    @Test
    void every_call_reaches_both_recorders() {
        List<ModelCall> counted = new ArrayList<>();
        ModelCallLog kept = new ModelCallLog();
        ModelCallFanOut both = new ModelCallFanOut(counted::add, kept);
        ScanId scan = ScanId.random();
        ModelCall vision = call(scan, Step.VISION);
        ModelCall answer = call(scan, Step.ANSWER);

        both.record(vision);
        both.record(answer);

        assertThat(counted).containsExactly(vision, answer);
        assertThat(kept.take(scan)).containsExactly(vision, answer);
    }

    private static ModelCall call(ScanId scan, Step step) {
        return new ModelCall(
                scan, step, "primary", "openai", "gpt-4.1-mini", 10, 5, Optional.empty(), Duration.ofMillis(3), "ok");
    }
}
