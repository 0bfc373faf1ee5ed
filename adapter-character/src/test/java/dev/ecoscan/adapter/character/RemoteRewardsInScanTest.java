package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.CharacterServiceStub.json;
import static dev.ecoscan.adapter.character.CharacterServiceStub.status;
import static dev.ecoscan.adapter.character.RemoteFixtures.CATALOGUE;
import static dev.ecoscan.adapter.character.RemoteFixtures.PAPER_PACK;
import static dev.ecoscan.adapter.character.RemoteFixtures.TOKEN;
import static dev.ecoscan.adapter.character.RemoteFixtures.milkCarton;
import static dev.ecoscan.adapter.character.RemoteFixtures.reward;
import static dev.ecoscan.adapter.character.RemoteFixtures.timed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.adapter.character.RemoteFixtures.Timed;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole scans whose rewards come from the remote character service: its trouble never fails a scan. */
class RemoteRewardsInScanTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Room for a slow machine on top of the deadline; a scan that waited on the service would take 30 s. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final CharacterServiceStub service = new CharacterServiceStub();
    private final RemoteRewardMatcher rewards = new RemoteRewardMatcher(
            RemoteCharacterService.withDefaults(service.baseUrl(), TOKEN),
            CATALOGUE,
            new RemoteCircuitBreakerSettings(4, 50, 4, Duration.ofSeconds(30), 1));
    private final TestPipeline pipeline = ScanTestKit.pipeline()
            .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
            .answers(CannedAnswers.clean())
            .rewards(rewards)
            .deadline(DEADLINE)
            .build();

    @AfterEach
    void stop() {
        rewards.close();
        service.close();
    }

    @Test
    void a_scan_earns_the_character_the_service_grants() {
        service.replies(json(200, reward(true, false, PAPER_PACK, "종이팩")));

        ScanOutcome outcome = pipeline.scan("milk-carton.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        completed ->
                                assertThat(completed.reward()).isEqualTo(new RewardOutcome.Granted(PAPER_PACK, "종이팩")));
    }

    @Test
    void a_scan_that_cannot_earn_a_character_is_not_eligible_without_calling_the_service() {
        TestPipeline labelOn = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착"))
                .rewards(rewards)
                .build();
        TestPipeline foodWaste = ScanTestKit.pipeline()
                .classifier(ScriptedClassifier.labelling("음식물류폐기물", null, "과일 껍질"))
                .rewards(rewards)
                .build();

        assertThat(List.of(labelOn.scan("bottle.png"), foodWaste.scan("peel.png")))
                .allSatisfy(outcome -> assertThat(outcome)
                        .isInstanceOfSatisfying(
                                ScanOutcome.Completed.class,
                                done -> assertThat(done.reward()).isInstanceOf(RewardOutcome.NotEligible.class)));
        assertThat(service.attempts()).isZero();
    }

    @Test
    void a_stalled_service_leaves_the_scan_completed_without_a_reward_by_its_deadline() {
        service.replies(service.stallBeforeHeaders());

        Timed<ScanOutcome> scan = timed(() -> pipeline.scan("milk-carton.png"));

        assertThat(scan.value())
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        completed -> assertThat(completed.reward()).isInstanceOf(RewardOutcome.Unavailable.class));
        assertThat(scan.elapsed()).isLessThan(DEADLINE.plus(GRACE));
    }

    @Test
    void a_failing_service_leaves_the_scan_completed_without_a_reward() {
        service.replies(status(502));

        Timed<ScanOutcome> scan = timed(() -> pipeline.scan("milk-carton.png"));

        assertThat(scan.value())
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        completed -> assertThat(completed.reward())
                                .isEqualTo(new RewardOutcome.Unavailable(
                                        "the character service failed (HTTP 502) after 3 attempts")));
        assertThat(service.attempts()).isEqualTo(3);
        assertThat(scan.elapsed()).isLessThan(DEADLINE.plus(GRACE));
    }

    @Test
    void an_open_circuit_leaves_the_scan_completed_without_calling_the_service() {
        service.replies(status(503));
        rewards.match(milkCarton(Duration.ofSeconds(5)));
        rewards.match(milkCarton(Duration.ofSeconds(5)));
        int attemptsBefore = service.attempts();

        Timed<ScanOutcome> scan = timed(() -> pipeline.scan("milk-carton.png"));

        assertThat(scan.value())
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        completed -> assertThat(completed.reward())
                                .isEqualTo(new RewardOutcome.Unavailable(
                                        "the character service is unavailable (circuit open)")));
        assertThat(service.attempts()).isEqualTo(attemptsBefore);
        assertThat(scan.elapsed()).isLessThan(DEADLINE.plus(GRACE));
    }
}
