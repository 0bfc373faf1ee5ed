package dev.ecoscan.adapter.character;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurableOwnershipTest {

    @Test
    void knows_a_pair_only_for_its_own_user_and_character() {
        DurableOwnership durable = new DurableOwnership();
        durable.add("dana", "paper-pack");

        assertThat(durable.contains("dana", "paper-pack")).isTrue();
        assertThat(durable.contains("dana", "glass-bottle")).isFalse();
        assertThat(durable.contains("eun", "paper-pack")).isFalse();
    }

    @Test
    void forgets_every_pair_when_full_so_its_memory_stays_bounded() {
        DurableOwnership durable = new DurableOwnership();
        for (int i = 0; i < DurableOwnership.CAPACITY; i++) {
            durable.add("user-" + i, "paper-pack");
        }
        assertThat(durable.size()).isEqualTo(DurableOwnership.CAPACITY);

        durable.add("one-more", "paper-pack");

        assertThat(durable.size()).isEqualTo(1);
        assertThat(durable.contains("user-0", "paper-pack")).isFalse();
        assertThat(durable.contains("one-more", "paper-pack")).isTrue();
    }
}
