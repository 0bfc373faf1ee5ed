package dev.ecoscan.adapter.openai;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;

/**
 * When an endpoint's circuit opens, so that its steps go straight to the next endpoint of the chain
 * instead of each waiting for a connect error or a timeout of their own.
 *
 * @param windowCalls        recent calls the failure rate is computed over (count-based)
 * @param minimumCalls       calls needed before the rate counts
 * @param failureRatePercent the rate at which the circuit opens
 * @param openFor            how long it stays open before a few trial calls are let through
 */
public record BreakerPolicy(int windowCalls, int minimumCalls, int failureRatePercent, Duration openFor) {

    public BreakerPolicy {
        if (windowCalls < 1 || minimumCalls < 1 || minimumCalls > windowCalls) {
            throw new IllegalArgumentException("the breaker needs 1 <= minimum calls <= window calls");
        }
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("the failure rate must be 1-100 %, was " + failureRatePercent);
        }
        if (openFor == null || !openFor.isPositive()) {
            throw new IllegalArgumentException("the breaker must stay open for a positive time");
        }
    }

    /** 20 calls, opens at 50 % failures once 10 were seen, open 30 s, then 3 trial calls. */
    public static BreakerPolicy standard() {
        return new BreakerPolicy(20, 10, 50, Duration.ofSeconds(30));
    }

    CircuitBreakerConfig config() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(windowCalls)
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(failureRatePercent)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(3)
                // Open -> half-open on the next call after openFor: no timer thread needed.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // Only an endpoint's own trouble counts; a refused request or a scan's deadline does not.
                .recordException(EndpointTrouble::countsAgainstEndpoint)
                .build();
    }
}
