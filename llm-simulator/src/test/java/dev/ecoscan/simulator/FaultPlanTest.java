package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private final FaultPlan plan = new FaultPlan();

    @Test
    void faults_for_any_kind_are_taken_in_order() {
        plan.next(Fault.HANG, Fault.NONE).next(Fault.RATE_LIMIT);

        assertThat(plan.take(RequestKind.ANSWER)).contains(Fault.HANG);
        assertThat(plan.take(RequestKind.VISION)).contains(Fault.NONE);
        assertThat(plan.take(RequestKind.VISION)).contains(Fault.RATE_LIMIT);
        assertThat(plan.take(RequestKind.VISION)).isEmpty();
    }

    @Test
    void a_fault_for_one_kind_comes_before_faults_for_any_kind_and_only_to_that_kind() {
        plan.next(Fault.SERVER_ERROR).nextFor(RequestKind.VISION, Fault.OUT_OF_TAXONOMY);

        assertThat(plan.pending()).isEqualTo(2);
        assertThat(plan.take(RequestKind.VISION)).contains(Fault.OUT_OF_TAXONOMY);
        assertThat(plan.take(RequestKind.VISION)).contains(Fault.SERVER_ERROR);
    }

    @Test
    void clear_forgets_everything() {
        plan.next(Fault.HANG).nextFor(RequestKind.ANSWER, Fault.HANG);

        plan.clear();

        assertThat(plan.pending()).isZero();
        assertThat(plan.take(RequestKind.ANSWER)).isEmpty();
    }
}
