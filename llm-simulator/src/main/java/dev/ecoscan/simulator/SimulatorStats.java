package dev.ecoscan.simulator;

/**
 * A snapshot of what the simulator has served since it started or was last reset, as {@code GET /stats}
 * reports it.
 *
 * @param requests    chat completion requests by kind; {@code other} counts invalid requests and unknown paths
 * @param outcomes    how the valid chat completion requests were answered
 * @param tokens      tokens reported in usage, summed over the answered requests
 * @param inFlight    chat completion requests being handled right now (sleeping, hanging or writing)
 * @param maxInFlight the most that were in flight at once
 */
public record SimulatorStats(Requests requests, Outcomes outcomes, Tokens tokens, long inFlight, long maxInFlight) {

    public record Requests(long vision, long answer, long other) {

        public long of(RequestKind kind) {
            return switch (kind) {
                case VISION -> vision;
                case ANSWER -> answer;
            };
        }
    }

    public record Outcomes(
            long ok,
            long rateLimited,
            long serverError,
            long hang,
            long malformedJson,
            long outOfTaxonomy,
            long confused) {

        public long of(Fault fault) {
            return switch (fault) {
                case NONE -> ok;
                case RATE_LIMIT -> rateLimited;
                case SERVER_ERROR -> serverError;
                case HANG -> hang;
                case MALFORMED_JSON -> malformedJson;
                case OUT_OF_TAXONOMY -> outOfTaxonomy;
                case CONFUSE -> confused;
            };
        }
    }

    public record Tokens(long prompt, long completion, long cached) {}
}
