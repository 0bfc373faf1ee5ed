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

    /**
     * Requests by kind.
     *
     * @param vision vision requests
     * @param answer answer requests
     * @param other  invalid requests and unknown paths
     */
    public record Requests(long vision, long answer, long other) {

        /**
         * The count of one kind.
         *
         * @param kind vision or answer
         * @return its count
         */
        public long of(RequestKind kind) {
            return switch (kind) {
                case VISION -> vision;
                case ANSWER -> answer;
            };
        }
    }

    /**
     * How the valid requests were answered, by fault.
     *
     * @param ok            answered normally
     * @param rateLimited   answered 429
     * @param serverError   answered 500
     * @param hang          held open
     * @param malformedJson answered with broken JSON
     * @param outOfTaxonomy answered with labels the taxonomy lacks
     * @param confused      answered with another item's labels
     */
    public record Outcomes(
            long ok,
            long rateLimited,
            long serverError,
            long hang,
            long malformedJson,
            long outOfTaxonomy,
            long confused) {

        /**
         * The count of one outcome.
         *
         * @param fault the fault, {@link Fault#NONE} for answered normally
         * @return its count
         */
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

    /**
     * Tokens reported in usage.
     *
     * @param prompt     prompt tokens
     * @param completion completion tokens
     * @param cached     prompt tokens served from the simulated cache
     */
    public record Tokens(long prompt, long completion, long cached) {}
}
