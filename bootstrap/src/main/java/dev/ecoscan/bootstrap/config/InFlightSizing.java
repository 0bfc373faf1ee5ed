package dev.ecoscan.bootstrap.config;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.ecoscan.adapter.http.ConnectionLimits;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The default bound on scans in flight, from the process's open-file limit: every scan in flight
 * holds its inbound socket and, over HTTP/1.1, an outbound one to the LLM; with the built-in
 * simulator in the same process the simulator's side of that connection is a third. A reserve is
 * kept for the JVM's own files, the listening socket and metrics scrapes.
 */
final class InFlightSizing {

    static final int RESERVE = 1_000;

    private InFlightSizing() {}

    static int fromOpenFileLimit(long openFiles, boolean simulatorInProcess) {
        int perScan = simulatorInProcess ? 3 : 2;
        long bound = (openFiles - RESERVE) / perScan;
        return (int) Math.max(16, Math.min(bound, 100_000));
    }

    /**
     * The default bound on client connections: {@link ConnectionLimits#defaultMaxConnections} (one
     * per scan in flight, one per event stream, 500 to spare; 10,000 at least), but no more than the
     * open files leave:
     * each connection is one, each scan in flight adds its outbound socket (and the simulator's end),
     * and half the reserve stays for the JVM's own files. Always a little above the in-flight bound,
     * so that the next client reaches us and is told 503.
     */
    static int maxConnections(long openFiles, int maxInFlight, boolean simulatorInProcess) {
        int perScan = simulatorInProcess ? 3 : 2;
        long files = openFiles - RESERVE / 2 - (long) maxInFlight * (perScan - 1);
        long bound = Math.min(ConnectionLimits.defaultMaxConnections(maxInFlight), files);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(bound, maxInFlight + 16L));
    }

    /** This process's open-file limit (4096 where the platform does not say). */
    static long openFileLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : 4096;
    }
}
