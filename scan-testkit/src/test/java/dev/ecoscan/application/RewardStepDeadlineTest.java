package dev.ecoscan.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.InMemoryRewards;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reward step's deadline: its ports bound themselves (a query timeout, an HTTP timeout), and an
 * interrupt would harm the embedded database, so the pipeline waits a little past the deadline and
 * never interrupts the call. Every other step is interrupted at the deadline, as before.
 */
@Timeout(30)
class RewardStepDeadlineTest {

    private final InMemoryRewards rewards =
            new InMemoryRewards(KnowledgeBase.embedded().characters());
    private final AtomicBoolean interrupted = new AtomicBoolean();

    @Test
    void a_reward_call_still_running_at_the_deadline_is_not_interrupted_and_its_grant_is_kept() {
        // A driver whose whole-second query timeout ends 400 ms after the scan's deadline.
        RewardMatcher roundingUp = grant -> {
            Instant ends = grant.deadline().plusMillis(400);
            while (Instant.now().isBefore(ends)) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                if (Thread.interrupted()) {
                    interrupted.set(true);
                }
            }
            return rewards.match(grant);
        };

        ScanOutcome outcome = scans(roundingUp, Duration.ofMillis(200)).scan("milk.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.reward()).isInstanceOf(RewardOutcome.Granted.class));
        assertThat(interrupted).isFalse();
    }

    @Test
    void a_reward_call_still_running_past_the_overrun_is_left_to_end_on_its_own() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        RewardMatcher stuck = grant -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            ended.countDown();
            return rewards.match(grant);
        };

        long started = System.nanoTime();
        ScanOutcome outcome = scans(stuck, Duration.ofMillis(100)).scan("milk.png");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        release.countDown();

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.reward())
                                .isEqualTo(new RewardOutcome.Unavailable(
                                        "rewards could not be checked before the scan's deadline")));
        assertThat(took).isBetween(ScanPipeline.REWARD_OVERRUN, ScanPipeline.REWARD_OVERRUN.plusSeconds(1));
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void the_other_steps_are_still_interrupted_at_the_deadline() {
        long started = System.nanoTime();
        ScanOutcome outcome = ScanTestKit.pipeline()
                .deadline(Duration.ofMillis(200))
                .classifier(ScriptedClassifier.hangingUntilInterrupted())
                .build()
                .scan("milk.png");

        assertThat(outcome).isInstanceOf(ScanOutcome.Failed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ScanPipeline.REWARD_OVERRUN);
    }

    private static TestPipeline scans(RewardMatcher rewards, Duration deadline) {
        return ScanTestKit.pipeline()
                .deadline(deadline)
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(CannedAnswers.clean())
                .rewards(rewards)
                .build();
    }
}
