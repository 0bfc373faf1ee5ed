package dev.ecoscan.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link SimulatorStats}: adders for the sums, atomics for the in-flight gauge. */
final class StatsCounters {

    private final Map<RequestKind, LongAdder> requests = new EnumMap<>(RequestKind.class);
    private final LongAdder otherRequests = new LongAdder();
    private final Map<Fault, LongAdder> outcomes = new EnumMap<>(Fault.class);
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final LongAdder cachedTokens = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong maxInFlight = new AtomicLong();

    StatsCounters() {
        for (RequestKind kind : RequestKind.values()) {
            requests.put(kind, new LongAdder());
        }
        for (Fault fault : Fault.values()) {
            outcomes.put(fault, new LongAdder());
        }
    }

    void started() {
        long now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    void request(RequestKind kind) {
        requests.get(kind).increment();
    }

    void otherRequest() {
        otherRequests.increment();
    }

    void outcome(Fault fault) {
        outcomes.get(fault).increment();
    }

    void tokens(Usage usage) {
        promptTokens.add(usage.promptTokens());
        completionTokens.add(usage.completionTokens());
        cachedTokens.add(usage.cachedTokens());
    }

    /** Zeroes the sums; the peak restarts from what is in flight now, since those requests are still there. */
    void reset() {
        requests.values().forEach(LongAdder::reset);
        otherRequests.reset();
        outcomes.values().forEach(LongAdder::reset);
        promptTokens.reset();
        completionTokens.reset();
        cachedTokens.reset();
        maxInFlight.set(inFlight.get());
    }

    SimulatorStats snapshot() {
        return new SimulatorStats(
                new SimulatorStats.Requests(
                        requests.get(RequestKind.VISION).sum(),
                        requests.get(RequestKind.ANSWER).sum(),
                        otherRequests.sum()),
                new SimulatorStats.Outcomes(
                        count(Fault.NONE),
                        count(Fault.RATE_LIMIT),
                        count(Fault.SERVER_ERROR),
                        count(Fault.HANG),
                        count(Fault.MALFORMED_JSON),
                        count(Fault.OUT_OF_TAXONOMY),
                        count(Fault.CONFUSE)),
                new SimulatorStats.Tokens(promptTokens.sum(), completionTokens.sum(), cachedTokens.sum()),
                inFlight.get(),
                maxInFlight.get());
    }

    private long count(Fault fault) {
        return outcomes.get(fault).sum();
    }
}
