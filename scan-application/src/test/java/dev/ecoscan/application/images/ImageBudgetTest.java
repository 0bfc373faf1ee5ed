package dev.ecoscan.application.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.port.ImageHold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ImageBudgetTest {

    private final ImageBudget budget = new ImageBudget(1000);

    @Test
    void holds_are_refused_past_the_capacity_and_the_bytes_come_back_when_a_hold_is_closed() {
        ImageHold first = budget.tryHold(600).orElseThrow();

        assertThat(budget.tryHold(401)).isEmpty();
        ImageHold second = budget.tryHold(400).orElseThrow();
        assertThat(budget.inUse()).isEqualTo(1000);
        assertThat(budget.tryHold(1)).isEmpty();

        first.close();

        assertThat(budget.inUse()).isEqualTo(400);
        assertThat(budget.tryHold(600)).isPresent();
        assertThat(budget.refusals()).isEqualTo(2);
        assertThat(second.bytes()).isEqualTo(400);
    }

    @Test
    void a_hold_grows_only_into_free_room_and_always_shrinks() {
        ImageHold hold = budget.tryHold(100).orElseThrow();
        ImageHold other = budget.tryHold(500).orElseThrow();

        assertThat(hold.resizeTo(501)).isFalse();
        assertThat(hold.bytes())
                .as("a refused growth leaves the count as it was")
                .isEqualTo(100);
        assertThat(hold.resizeTo(500)).isTrue();
        assertThat(budget.inUse()).isEqualTo(1000);
        assertThat(hold.resizeTo(10)).isTrue();
        assertThat(budget.inUse()).isEqualTo(510);
        assertThat(budget.peak()).isEqualTo(1000);
        other.close();
    }

    @Test
    void closing_twice_gives_the_bytes_back_once_and_a_closed_hold_cannot_grow() {
        ImageHold hold = budget.tryHold(300).orElseThrow();
        ImageHold other = budget.tryHold(200).orElseThrow();

        hold.close();
        hold.close();

        assertThat(budget.inUse()).isEqualTo(200);
        assertThat(hold.resizeTo(50)).isFalse();
        assertThat(budget.inUse()).isEqualTo(200);
        other.close();
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void more_than_the_capacity_never_fits() {
        assertThat(budget.fits(1000)).isTrue();
        assertThat(budget.fits(1001)).isFalse();
        assertThat(budget.tryHold(1001)).isEmpty();
        assertThatThrownBy(() -> new ImageBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrent_holders_never_take_more_than_the_capacity_together() throws Exception {
        ImageBudget shared = new ImageBudget(10_000);
        List<Future<Integer>> runs = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 64; t++) {
                runs.add(threads.submit(() -> {
                    int held = 0;
                    for (int i = 0; i < 1000; i++) {
                        Optional<ImageHold> hold = shared.tryHold(700);
                        if (hold.isPresent()) {
                            held++;
                            assertThat(shared.inUse()).isLessThanOrEqualTo(10_000);
                            hold.get().resizeTo(1400);
                            hold.get().close();
                        }
                    }
                    return held;
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        }
        assertThat(shared.inUse()).isZero();
        assertThat(shared.peak()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void sizes_read_as_people_write_them() {
        assertThat(ImageBudget.sizeText(128L * 1024 * 1024)).isEqualTo("128 MiB");
        assertThat(ImageBudget.sizeText(1536L * 1024)).isEqualTo("1.5 MiB");
        assertThat(ImageBudget.sizeText(2048)).isEqualTo("2 KiB");
        assertThat(ImageBudget.sizeText(541)).isEqualTo("541 bytes");
    }
}
