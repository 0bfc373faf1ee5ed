package dev.ecoscan.bootstrap.config;

import java.util.Set;

/**
 * Which hosts {@code image_url} may name, and how many image bytes scans may hold at once.
 *
 * @param hosts            exact host names, and {@code *.example.com} for the names under a domain
 * @param maxBytesInFlight the image budget
 */
public record ImageSettings(Set<String> hosts, long maxBytesInFlight) {

    static final Setting<Set<String>> HOSTS = Setting.of(
                    "ECO_SCAN_IMAGE_HOSTS",
                    "comma-separated host allow-list for `image_url` (`*.example.com` allowed)",
                    Formats.HOST_LIST)
            .defaultIs("empty (dev: loopback only)");
    static final Setting<Long> MAX_BYTES_IN_FLIGHT = Setting.of(
                    "ECO_SCAN_MAX_IMAGE_BYTES_IN_FLIGHT",
                    "bound on the bytes of images scans hold at once: each image as fetched, its pixels while it is"
                            + " shrunk to ~1 MP, the vision request's copies of it, until the vision step ends; a scan"
                            + " past it gets 503 `overloaded` at once. A byte size: `256MB`, `1GB` (powers of 1000),"
                            + " `64MiB` (powers of 1024) or a plain number of bytes",
                    Formats.BYTE_SIZE_TEXT)
            .defaultIs("a quarter of the maximum heap (`-Xmx`)");

    public ImageSettings {
        hosts = Set.copyOf(hosts);
    }

    /**
     * The budget defaults to a quarter of the heap: it counts the images scans mean to keep, not what
     * the heap really holds, so the rest is left for what it does not see (garbage not yet collected,
     * the HTTP and JSON libraries' buffers, in dev mode the simulator's copy of every request) and for
     * the collector's headroom. Measured (docs/benchmarks.md): 20 ten-megabyte photos at once in a
     * 512 MiB heap kept it under 432 MiB with a quarter counted, and filled it to 511 MiB with half.
     */
    static ImageSettings from(SettingValues values) {
        return new ImageSettings(
                values.optional(HOSTS).orElse(Set.of()),
                values.optional(MAX_BYTES_IN_FLIGHT)
                        .orElseGet(() -> Runtime.getRuntime().maxMemory() / 4));
    }
}
