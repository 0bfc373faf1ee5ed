package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The latency model is pure arithmetic on a seeded generator: these tests never sleep. */
class LatencyModelTest {

    private final LatencyModel realistic = new LatencyModel(1.0);

    @Test
    void vision_takes_three_to_four_and_a_half_seconds_times_a_tail_of_at_most_three() {
        RandomGenerator random = new SplittableRandom(1);
        int withinBase = 0;
        for (int i = 0; i < 2_000; i++) {
            Duration total = realistic.of(RequestKind.VISION, 50, random).total();
            assertThat(total).isPositive().isLessThanOrEqualTo(Duration.ofMillis(4_500 * 3 + 1));
            if (total.compareTo(Duration.ofMillis(3_000)) >= 0 && total.compareTo(Duration.ofMillis(4_500)) <= 0) {
                withinBase++;
            }
        }
        assertThat(withinBase).as("most calls fall in the base range").isGreaterThan(1_000);
    }

    @Test
    void an_answer_grows_with_its_output_tokens() {
        Duration short_ =
                realistic.of(RequestKind.ANSWER, 35, new SplittableRandom(9)).total();
        Duration long_ =
                realistic.of(RequestKind.ANSWER, 350, new SplittableRandom(9)).total();

        assertThat(long_.minus(short_)).isGreaterThan(Duration.ofSeconds(5));
        assertThat(realistic.of(RequestKind.ANSWER, 35, new SplittableRandom(9)).firstToken())
                .isGreaterThan(Duration.ofMillis(200));
    }

    @Test
    void speed_zero_waits_for_nothing_and_speed_scales_linearly() {
        Duration full =
                realistic.of(RequestKind.VISION, 0, new SplittableRandom(4)).total();
        Duration tenth = new LatencyModel(0.1)
                .of(RequestKind.VISION, 0, new SplittableRandom(4))
                .total();

        assertThat(new LatencyModel(0)
                        .of(RequestKind.VISION, 0, new SplittableRandom(4))
                        .total())
                .isZero();
        assertThat(tenth.toMillis()).isCloseTo(full.toMillis() / 10, within(1L));
    }

    @Test
    void the_same_seed_gives_the_same_latencies() {
        RandomGenerator first = new SplittableRandom(5);
        RandomGenerator second = new SplittableRandom(5);

        for (int i = 0; i < 10; i++) {
            assertThat(realistic.of(RequestKind.ANSWER, 100, first))
                    .isEqualTo(realistic.of(RequestKind.ANSWER, 100, second));
        }
    }
}
