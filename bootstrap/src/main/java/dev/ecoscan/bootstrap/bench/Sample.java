package dev.ecoscan.bootstrap.bench;

/**
 * One request of a load run.
 *
 * @param startNanos  when it was sent, on the run's clock
 * @param latencyNanos how long the client waited for the whole response
 * @param status      the HTTP status, or 0 when the request failed without one
 * @param llmSeconds  the vision and answer steps' time as the response reports it (0 if none)
 */
record Sample(long startNanos, long latencyNanos, int status, double llmSeconds) {}
