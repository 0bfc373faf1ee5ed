package dev.ecoscan.adapter.metrics;

import dev.ecoscan.application.cost.PriceTable;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.Step;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * What model calls cost, estimated from a price table: {@code eco_scan_cost_usd_total} and, for calls
 * of a model the table does not price, {@code eco_scan_cost_unpriced_calls_total}. An unpriced call
 * adds nothing to the cost rather than a guess, and the second counter shows that the cost is short.
 */
final class CostMeters {

    /** Both meters' names start with it, so one tag cap bounds their models. */
    static final String PREFIX = "eco_scan.cost";
    /** Scraped as {@code eco_scan_cost_usd_total}: no base unit, the currency is in the name. */
    static final String COST = PREFIX + ".usd";
    /** Scraped as {@code eco_scan_cost_unpriced_calls_total}. */
    static final String UNPRICED_CALLS = PREFIX + ".unpriced.calls";

    static final String MODEL = "model";

    private record Key(String model, String provider, Step step) {}

    private final PriceTable prices;
    private final MeterCache<Key, Counter> cost;
    private final MeterCache<Key, Counter> unpriced;

    CostMeters(MeterRegistry registry, PriceTable prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
        cost = counter(registry, COST, "Estimated cost of model calls in US dollars, from list prices");
        unpriced = counter(registry, UNPRICED_CALLS, "Model calls that billed tokens of a model with no known price");
    }

    private static MeterCache<Key, Counter> counter(MeterRegistry registry, String name, String description) {
        return new MeterCache<>(key -> Counter.builder(name)
                .description(description)
                .tag(MODEL, key.model())
                .tag("provider", key.provider())
                .tag("step", key.step().label())
                .register(registry));
    }

    void record(ModelCall call) {
        // A call that billed nothing (it failed before the provider counted tokens) costs nothing,
        // whether or not its model is priced.
        if (call.inputTokens() == 0 && call.outputTokens() == 0) {
            return;
        }
        Key key = new Key(call.model(), call.provider(), call.step());
        Optional<Double> usd = prices.costUsd(call);
        if (usd.isPresent()) {
            cost.get(key).increment(usd.get());
        } else {
            unpriced.get(key).increment();
        }
    }
}
