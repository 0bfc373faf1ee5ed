package dev.ecoscan.bootstrap.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a closed-loop run achieved over its steady state (after the ramp-up): throughput against the
 * ideal for its users, errors, the client's scan time against the LLM time inside each scan, and the
 * service process's CPU time per scan.
 */
record LoadReport(
        int users,
        double seconds,
        long requests,
        Map<Integer, Long> statuses,
        double rps,
        double idealRps,
        double p50Seconds,
        double p99Seconds,
        double p99LlmSeconds,
        double meanSeconds,
        double meanThinkSeconds,
        long maxHeapUsedBytes,
        int maxInFlight,
        long completedScans,
        double serviceCpuSeconds,
        OptionalDouble compilerCpuSeconds) {

    static LoadReport of(
            int users,
            List<Sample> all,
            long steadyFromNanos,
            long endNanos,
            double meanThinkSeconds,
            long maxHeapUsedBytes,
            int maxInFlight,
            ProcessCpu serviceCpu) {
        // Throughput counts the scans that finished inside the steady window, wherever they started.
        List<Sample> steady = all.stream()
                .filter(s -> s.startNanos() + s.latencyNanos() >= steadyFromNanos
                        && s.startNanos() + s.latencyNanos() <= endNanos)
                .toList();
        double seconds = (endNanos - steadyFromNanos) / 1e9;
        Map<Integer, Long> statuses =
                new TreeMap<>(steady.stream().collect(Collectors.groupingBy(Sample::status, Collectors.counting())));
        double[] latencies = steady.stream()
                .mapToDouble(s -> s.latencyNanos() / 1e9)
                .sorted()
                .toArray();
        double[] llm = steady.stream()
                .filter(s -> s.status() == 200)
                .mapToDouble(Sample::llmSeconds)
                .sorted()
                .toArray();
        double mean = Arrays.stream(latencies).average().orElse(0);
        double meanLlm = Arrays.stream(llm).average().orElse(0);
        // A closed-loop user does one scan per (scan time + think time); the ideal is that with
        // the scan costing only its LLM time.
        double ideal = users / (meanLlm + meanThinkSeconds);
        return new LoadReport(
                users,
                seconds,
                steady.size(),
                statuses,
                steady.size() / seconds,
                ideal,
                percentile(latencies, 0.50),
                percentile(latencies, 0.99),
                percentile(llm, 0.99),
                mean,
                meanThinkSeconds,
                maxHeapUsedBytes,
                maxInFlight,
                llm.length,
                serviceCpu.total().toNanos() / 1e9,
                serviceCpu
                        .compiler()
                        .map(compiler -> OptionalDouble.of(compiler.toNanos() / 1e9))
                        .orElse(OptionalDouble.empty()));
    }

    long errors() {
        return statuses.entrySet().stream()
                .filter(e -> e.getKey() != 200)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                """
                users %d, steady state %.0f s: %d scans, %.2f scans/s = %.1f%% of the ideal %.2f scans/s
                statuses %s (errors: %d)
                scan time p50 %.3f s, p99 %.3f s; LLM time per scan p99 %.3f s (p99 difference %+.0f ms); mean %.3f s
                max scans in flight %d; max heap used %.0f MiB
                cpu per scan %.2f ms (process CPU %.2f s over %d scans)%s""",
                users,
                seconds,
                requests,
                rps,
                100 * rps / idealRps,
                idealRps,
                statuses,
                errors(),
                p50Seconds,
                p99Seconds,
                p99LlmSeconds,
                (p99Seconds - p99LlmSeconds) * 1000,
                meanSeconds,
                maxInFlight,
                maxHeapUsedBytes / (1024.0 * 1024),
                cpuPerScanMillis(),
                serviceCpuSeconds,
                completedScans,
                compilerCpuSeconds.isPresent() && completedScans > 0
                        ? String.format(
                                Locale.ROOT,
                                "; JIT compiler threads %.2f ms of it",
                                1000 * compilerCpuSeconds.getAsDouble() / completedScans)
                        : "");
    }

    /**
     * The service process's CPU time over the steady window per scan answered 200 in it: what a scan
     * costs the server, whatever the LLM's latency.
     */
    double cpuPerScanMillis() {
        return completedScans == 0 ? 0 : 1000 * serviceCpuSeconds / completedScans;
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
