package dev.ecoscan.adapter.character;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * When the remote adapter stops calling a failing character service, and for how long.
 *
 * @param windowCalls       how many recent attempts the failure rate is computed over (a count-based window)
 * @param failureRatePercent the failure rate, in percent of the window, at which the circuit opens
 * @param minimumCalls      attempts needed before the rate counts, so that one early failure does not open it
 * @param openFor           how long an open circuit answers "unavailable" without calling the service
 * @param halfOpenCalls     trial attempts let through after {@code openFor}; their success closes the circuit
 */
public record RemoteCircuitBreakerSettings(
        int windowCalls, int failureRatePercent, int minimumCalls, Duration openFor, int halfOpenCalls) {

    public RemoteCircuitBreakerSettings {
        if (windowCalls < 1) {
            throw new IllegalArgumentException("the breaker's window must hold at least one call");
        }
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException(
                    "the breaker's failure rate must be 1-100 %, but was " + failureRatePercent);
        }
        if (minimumCalls < 1) {
            throw new IllegalArgumentException("the breaker needs at least one call before it can open");
        }
        Objects.requireNonNull(openFor, "openFor");
        if (!openFor.isPositive()) {
            throw new IllegalArgumentException("the breaker must stay open for a positive time");
        }
        if (halfOpenCalls < 1) {
            throw new IllegalArgumentException("the breaker must let at least one trial call through");
        }
    }

    /** 10 calls, opens at 50 % failures once 5 calls were seen, stays open 10 s, then lets 2 trial calls through. */
    public static RemoteCircuitBreakerSettings standard() {
        return new RemoteCircuitBreakerSettings(10, 50, 5, Duration.ofSeconds(10), 2);
    }

    /** The Resilience4j configuration of these settings. */
    CircuitBreakerConfig config() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(windowCalls)
                .failureRateThreshold(failureRatePercent)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                // Open → half-open happens on the next call after openFor: no timer thread is needed.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }
}
