package dev.ecoscan.adapter.openai;

import dev.ecoscan.adapter.openai.RetryAfterHttpClient.ProviderTimeoutException;
import dev.ecoscan.adapter.openai.RetryAfterHttpClient.ProviderUnreachableException;
import dev.ecoscan.domain.scan.FailureKind;
import dev.langchain4j.exception.HttpException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.Optional;

/**
 * An error from one call to one endpoint, read once: what it means for the scan, whether the same
 * endpoint may be tried again, whether the next endpoint of the chain should be, and whether it is
 * the endpoint's fault (which its circuit breaker counts).
 *
 * <p>A request the provider refuses as such (400, 422) is eco-scan's or its settings' fault: retrying
 * it or sending it to a fallback would only fail again, so neither happens. A key or model the
 * endpoint does not know (401, 403, 404) is that endpoint's: the next one may well serve the step.
 *
 * @param outcome         the label of the model call in metrics and logs
 * @param detail          eco-scan's own words, safe for logs and the command line; never the provider's body
 * @param providerMessage the provider's error body, for the log only
 */
record EndpointTrouble(
        FailureKind kind,
        String outcome,
        boolean retryable,
        boolean movesOn,
        boolean endpointsFault,
        Optional<Duration> retryAfter,
        String detail,
        Optional<String> providerMessage,
        Optional<Integer> status) {

    /** The scan's deadline left no time for another attempt. */
    static final class DeadlineReached extends RuntimeException {
        DeadlineReached() {
            super("the scan's deadline has passed", null, false, false);
        }
    }

    static EndpointTrouble of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DeadlineReached) {
                return stop(
                        FailureKind.DEADLINE_EXCEEDED,
                        "deadline",
                        "the scan's deadline passed before the model answered");
            }
            if (t instanceof CallNotPermittedException) {
                return new EndpointTrouble(
                        FailureKind.UPSTREAM_UNAVAILABLE,
                        "circuit_open",
                        false,
                        true,
                        false,
                        Optional.empty(),
                        "its circuit is open after repeated failures",
                        Optional.empty(),
                        Optional.empty());
            }
            if (t instanceof ProviderTimeoutException timeout) {
                return timeout.atDeadline()
                        ? stop(
                                FailureKind.DEADLINE_EXCEEDED,
                                "deadline",
                                "the model did not answer before the scan's deadline")
                        : new EndpointTrouble(
                                FailureKind.UPSTREAM_TIMEOUT,
                                "timeout",
                                false,
                                true,
                                true,
                                Optional.empty(),
                                "the model did not answer within the read timeout",
                                Optional.empty(),
                                Optional.empty());
            }
            if (t instanceof ProviderUnreachableException) {
                return new EndpointTrouble(
                        FailureKind.UPSTREAM_UNAVAILABLE,
                        "unreachable",
                        false,
                        true,
                        true,
                        Optional.empty(),
                        "the endpoint cannot be reached",
                        Optional.empty(),
                        Optional.empty());
            }
            if (t instanceof HttpException http) {
                return ofStatus(
                        http.statusCode(),
                        t instanceof ProviderHttpException p ? p.retryAfter() : Optional.empty(),
                        Optional.ofNullable(http.getMessage()));
            }
        }
        return new EndpointTrouble(
                FailureKind.UPSTREAM_UNAVAILABLE,
                "error",
                false,
                true,
                true,
                Optional.empty(),
                "the endpoint's reply could not be read",
                Optional.ofNullable(error.getMessage()),
                Optional.empty());
    }

    private static EndpointTrouble ofStatus(int status, Optional<Duration> retryAfter, Optional<String> body) {
        Optional<Integer> code = Optional.of(status);
        if (status == 429) {
            return new EndpointTrouble(
                    FailureKind.UPSTREAM_UNAVAILABLE,
                    "rate_limited",
                    true,
                    true,
                    true,
                    retryAfter,
                    "the endpoint is rate limiting (429)",
                    body,
                    code);
        }
        if (status >= 500 || status == 408) {
            return new EndpointTrouble(
                    FailureKind.UPSTREAM_UNAVAILABLE,
                    "server_error",
                    true,
                    true,
                    true,
                    retryAfter,
                    "the endpoint failed (" + status + ")",
                    body,
                    code);
        }
        if (status == 401 || status == 403 || status == 404) {
            return new EndpointTrouble(
                    FailureKind.UPSTREAM_UNAVAILABLE,
                    "rejected",
                    false,
                    true,
                    true,
                    Optional.empty(),
                    "the endpoint rejected its key, the model or the URL (" + status + ")",
                    body,
                    code);
        }
        return new EndpointTrouble(
                FailureKind.UPSTREAM_UNAVAILABLE,
                "refused",
                false,
                false,
                false,
                Optional.empty(),
                "the endpoint refused the request (" + status + ")",
                body,
                code);
    }

    private static EndpointTrouble stop(FailureKind kind, String outcome, String detail) {
        return new EndpointTrouble(
                kind, outcome, false, false, false, Optional.empty(), detail, Optional.empty(), Optional.empty());
    }

    /** What the circuit breaker counts as a failure of the endpoint. */
    static boolean countsAgainstEndpoint(Throwable error) {
        return of(error).endpointsFault();
    }

    /** True when the provider refused the request itself, which a setting must fix. */
    boolean isRefusal() {
        return outcome.equals("refused") || outcome.equals("rejected");
    }
}
