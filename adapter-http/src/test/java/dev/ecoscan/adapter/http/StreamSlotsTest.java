package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.scan.UserId;
import org.junit.jupiter.api.Test;

/** The bounds on open event streams, without a server. */
class StreamSlotsTest {

    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");

    @Test
    void a_user_past_their_bound_is_refused_with_429_and_retry_after() {
        StreamSlots slots = new StreamSlots(new StreamLimits(2, 10));
        slots.open(ALICE);
        slots.open(ALICE);

        assertThatThrownBy(() -> slots.open(ALICE)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().code()).isEqualTo(ProblemCode.TOO_MANY_STREAMS);
            assertThat(e.problem().retryAfterSeconds()).contains(StreamSlots.PER_USER_RETRY_SECONDS);
        });
        assertThat(slots.open(BOB)).isNotNull();
        assertThat(slots.open()).isEqualTo(3);
    }

    @Test
    void past_the_bound_in_all_a_stream_is_refused_with_503_and_takes_no_slot_of_its_user() {
        StreamSlots slots = new StreamSlots(new StreamLimits(1, 1));
        StreamSlots.Slot alice = slots.open(ALICE);

        assertThatThrownBy(() -> slots.open(BOB))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().code()).isEqualTo(ProblemCode.STREAMS_FULL));
        alice.close();
        // Bob's refused attempt left nothing behind: his one stream fits.
        assertThat(slots.open(BOB)).isNotNull();
    }

    @Test
    void a_closed_slot_is_free_again_and_closing_it_twice_frees_it_once() {
        StreamSlots slots = new StreamSlots(new StreamLimits(1, 2));
        StreamSlots.Slot first = slots.open(ALICE);

        first.close();
        first.close();
        slots.open(ALICE);

        assertThat(slots.open()).isEqualTo(1);
        assertThatThrownBy(() -> slots.open(ALICE)).isInstanceOf(ProblemException.class);
    }
}
