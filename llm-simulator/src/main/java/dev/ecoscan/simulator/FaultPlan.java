package dev.ecoscan.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults scripted by a test for the next requests, in order. A fault scripted for one request kind
 * goes to the next request of that kind and is taken before any fault scripted for every kind.
 * When nothing is scripted, the simulator draws from its configured {@link FaultRates}. Thread-safe.
 */
public final class FaultPlan {

    private final Deque<Fault> any = new ArrayDeque<>();
    private final Map<RequestKind, Deque<Fault>> byKind = new EnumMap<>(RequestKind.class);

    FaultPlan() {
        for (RequestKind kind : RequestKind.values()) {
            byKind.put(kind, new ArrayDeque<>());
        }
    }

    /**
     * The next requests of any kind get these faults, one each, after the ones already scripted.
     *
     * @param faults the faults, in order
     * @return this plan
     */
    public synchronized FaultPlan next(Fault... faults) {
        any.addAll(List.of(faults));
        return this;
    }

    /**
     * The next requests of this kind get these faults, one each, after the ones already scripted for it.
     *
     * @param kind   which requests (vision or answer)
     * @param faults the faults, in order
     * @return this plan
     */
    public synchronized FaultPlan nextFor(RequestKind kind, Fault... faults) {
        byKind.get(Objects.requireNonNull(kind, "kind")).addAll(List.of(faults));
        return this;
    }

    /** Forgets every scripted fault. */
    public synchronized void clear() {
        any.clear();
        byKind.values().forEach(Deque::clear);
    }

    /**
     * How many scripted faults have not been used yet.
     *
     * @return the number of faults still scripted
     */
    public synchronized int pending() {
        return any.size() + byKind.values().stream().mapToInt(Deque::size).sum();
    }

    synchronized Optional<Fault> take(RequestKind kind) {
        Fault scripted = byKind.get(kind).poll();
        return Optional.ofNullable(scripted != null ? scripted : any.poll());
    }
}
