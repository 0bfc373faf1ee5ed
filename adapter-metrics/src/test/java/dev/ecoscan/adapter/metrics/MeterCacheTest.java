package dev.ecoscan.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeterCacheTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger registrations = new AtomicInteger();
    private final MeterCache<String, Counter> cache = new MeterCache<>(key -> {
        registrations.incrementAndGet();
        return Counter.builder("scans").tag("reason", key).register(registry);
    });

    @Test
    void a_meter_is_registered_once_per_tag_combination_and_then_reused() {
        for (int i = 0; i < 1_000; i++) {
            cache.get("granted").increment();
        }
        cache.get("not_eligible").increment();

        assertThat(registrations).hasValue(2);
        assertThat(registry.get("scans").tag("reason", "granted").counter().count())
                .isEqualTo(1_000);
    }

    @Test
    void past_its_limit_it_keeps_no_new_keys_but_still_records() {
        for (int i = 0; i < MeterCache.MAX_ENTRIES; i++) {
            cache.get("reason-" + i);
        }

        cache.get("one-more").increment();
        cache.get("one-more").increment();

        assertThat(registrations).as("looked up again, not kept").hasValue(MeterCache.MAX_ENTRIES + 2);
        assertThat(registry.get("scans").tag("reason", "one-more").counter().count())
                .isEqualTo(2);
    }
}
