package dev.ecoscan.bootstrap.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Watches the service during a run: the most heap it used and the most scans it held, from its
 * {@code /metrics} every five seconds (a scrape costs the service several milliseconds of CPU, as
 * much as a scan, so not more often), and its CPU time at the start and the end of the steady window.
 */
final class ServiceSampler {

    private static final Duration PERIOD = Duration.ofSeconds(5);

    private final HttpClient client;
    private final URI metrics;
    private final Supplier<ProcessCpu> cpu;
    private long maxHeapUsed;
    private int maxInFlight;
    private ProcessCpu cpuAtSteadyStart = ProcessCpu.NONE;
    private ProcessCpu cpuAtEnd = ProcessCpu.NONE;

    ServiceSampler(HttpClient client, URI base, Supplier<ProcessCpu> cpu) {
        this.client = client;
        this.metrics = base.resolve("/metrics");
        this.cpu = cpu;
    }

    /** Samples until {@code endNanos}, reading the CPU time at {@code steadyFromNanos} and at the end. */
    void run(long steadyFromNanos, long endNanos) throws InterruptedException {
        boolean steady = false;
        while (true) {
            long now = System.nanoTime();
            if (!steady && now >= steadyFromNanos) {
                cpuAtSteadyStart = cpu.get();
                steady = true;
            }
            if (now >= endNanos) {
                cpuAtEnd = cpu.get();
                return;
            }
            scrape();
            long next = Math.min(now + PERIOD.toNanos(), steady ? endNanos : steadyFromNanos);
            Thread.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
        }
    }

    long maxHeapUsed() {
        return maxHeapUsed;
    }

    int maxInFlight() {
        return maxInFlight;
    }

    /** The service's CPU time over the steady window. */
    ProcessCpu steadyCpu() {
        return cpuAtEnd.minus(cpuAtSteadyStart);
    }

    private void scrape() throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(metrics).timeout(PERIOD).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long heap = 0;
            for (String line : response.body().lines().toList()) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += (long) value(line);
                } else if (line.startsWith("scans_in_flight ")) {
                    maxInFlight = Math.max(maxInFlight, (int) value(line));
                }
            }
            maxHeapUsed = Math.max(maxHeapUsed, heap);
        } catch (IOException e) {
            // A scrape that failed under load is one sample less, not a failed run.
        }
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
