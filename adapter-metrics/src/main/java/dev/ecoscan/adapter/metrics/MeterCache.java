package dev.ecoscan.adapter.metrics;

import io.micrometer.core.instrument.Meter;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Meters looked up once per tag combination. Asking Micrometer's builder on every event would
 * allocate tags and an id and search the registry each time, on the scan's own threads.
 */
final class MeterCache<K, M extends Meter> {

    /**
     * Far above any legitimate tag combination count. Past it, keys are no longer kept, so a caller
     * passing unbounded values (raw paths) cannot grow this map without end; the registry's own
     * tag caps already stop the series.
     */
    static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<K, M> meters = new ConcurrentHashMap<>();
    private final Function<K, M> register;

    MeterCache(Function<K, M> register) {
        this.register = Objects.requireNonNull(register, "register");
    }

    M get(K key) {
        // A plain get first: the hit is the hot path, and computeIfAbsent may lock the bin.
        M meter = meters.get(key);
        if (meter != null) {
            return meter;
        }
        return meters.size() < MAX_ENTRIES ? meters.computeIfAbsent(key, register) : register.apply(key);
    }
}
