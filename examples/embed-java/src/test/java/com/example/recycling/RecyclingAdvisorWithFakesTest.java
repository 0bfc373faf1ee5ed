package com.example.recycling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.engine.ScanEngine;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScriptedClassifier;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The milk carton through the builder, the two LLM steps replaced by the testkit's fakes. */
class RecyclingAdvisorWithFakesTest {

    @Test
    void a_milk_carton_is_classified_as_a_paper_pack_and_advised() {
        try (ScanEngine engine = ScanEngine.builder()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(CannedAnswers.fromRule())
                .build()) {

            ScanOutcome outcome = engine.scan(engine.request(
                    new ImageReference.Inline(MilkCarton.png(), "image/png"), new UserId("host-user"), Optional.empty()));
            String advice = new RecyclingAdvisor(engine).advise(MilkCarton.png(), "host-user", Optional.empty());

            assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Completed.class, completed -> assertThat(
                            completed.classification().path().display())
                    .contains("종이팩"));
            assertThat(advice).isNotBlank().doesNotStartWith("no advice").doesNotStartWith("eco-scan failed");
        }
    }
}
