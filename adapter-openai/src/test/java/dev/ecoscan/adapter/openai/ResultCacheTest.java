package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.testservers.Eventually;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

    @Test
    void concurrent_identical_requests_make_one_computation() throws Exception {
        ResultCache<String, String> cache = new ResultCache<>(true, 100);
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                results.add(threads.submit(() -> cache.get(
                                () -> "same image",
                                () -> {
                                    computations.incrementAndGet();
                                    await(release);
                                    return "우유팩";
                                },
                                value -> true)
                        .orElseThrow()));
            }
            // Only the first caller computes; the others are parked on its future until it completes.
            Eventually.holds("the first caller starts computing", () -> computations.get() > 0);
            release.countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("우유팩");
            }
        }
        assertThat(computations).hasValue(1);
    }

    @Test
    void results_not_worth_keeping_are_computed_again() {
        ResultCache<String, String> cache = new ResultCache<>(true, 100);
        AtomicInteger computations = new AtomicInteger();

        cache.get(() -> "k", () -> "failure " + computations.incrementAndGet(), value -> false);
        cache.get(() -> "k", () -> "failure " + computations.incrementAndGet(), value -> false);

        assertThat(computations).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_disabled_cache_always_computes_and_never_builds_a_key() {
        ResultCache<String, String> cache = new ResultCache<>(false, 100);
        AtomicInteger computations = new AtomicInteger();
        AtomicInteger keys = new AtomicInteger();

        cache.get(() -> "k" + keys.incrementAndGet(), () -> "v" + computations.incrementAndGet(), value -> true);
        cache.get(() -> "k" + keys.incrementAndGet(), () -> "v" + computations.incrementAndGet(), value -> true);

        assertThat(computations).hasValue(2);
        // A vision key hashes the whole image: no hash is paid for a cache that is off.
        assertThat(keys).hasValue(0);
    }

    @Test
    void the_cache_is_bounded() {
        ResultCache<Integer, Integer> cache = new ResultCache<>(true, 10);
        for (int i = 0; i < 1_000; i++) {
            int key = i;
            cache.get(() -> key, () -> key, value -> true);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
