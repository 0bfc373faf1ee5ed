package dev.ecoscan.bootstrap.wiring;

/**
 * The default bound on scans in flight, from the process's open-file limit: every scan in flight
 * holds its inbound socket and, over HTTP/1.1, an outbound one to the LLM; with the built-in
 * simulator in the same process the simulator's side of that connection is a third. A reserve is
 * kept for the JVM's own files, the listening socket and metrics scrapes.
 */
final class InFlightSizing {

    static final int RESERVE = 1_000;

    private InFlightSizing() {
    }

    static int fromOpenFileLimit(long openFiles, boolean simulatorInProcess) {
        int perScan = simulatorInProcess ? 3 : 2;
        long bound = (openFiles - RESERVE) / perScan;
        return (int) Math.max(16, Math.min(bound, 100_000));
    }
}
