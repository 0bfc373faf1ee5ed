package dev.ecoscan.bootstrap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One eco-scan command in a JVM of its own, started by the bench with this JVM's java, options and class path, so
 * that its CPU time is its own. Its stderr goes to a log file; its stdout is read until the lines the
 * bench waits for (a port, a token) have appeared, then drained.
 */
final class ChildJvm implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Marks the end of stdout in the queue of lines. */
    private static final String END = "\u0000end";

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass arguments} with exactly {@code environment} and waits until each of
     * {@code wanted} has matched a line of stdout; returns their first groups, in order, beside the
     * started JVM.
     */
    static Started start(
            String mainClass, List<String> arguments, Map<String, String> environment, Path log, List<Pattern> wanted)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The JVM options this one was started with (the launcher's JIT policy, a heap size), so the
        // service measured runs as `eco-scan serve` would.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        ChildJvm child = new ChildJvm(builder.start(), log);
        try {
            return new Started(child, child.awaitLines(wanted));
        } catch (IOException | InterruptedException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /** The JVM and the first group of each line it was waited for. */
    record Started(ChildJvm jvm, List<String> found) {}

    /** The CPU time the process has used so far, user and system, over all its threads. */
    ProcessCpu cpu() {
        Duration total = process.toHandle()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report process " + pid() + "'s CPU"));
        return new ProcessCpu(total, ProcessCpu.compilerThreads(pid()));
    }

    long pid() {
        return process.pid();
    }

    private List<String> awaitLines(List<Pattern> wanted) throws IOException, InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // Drained for the whole life of the process, or a full pipe would block it. After the lines
        // waited for, eco-scan prints little to stdout (logs go to stderr), so the queue stays small.
        Thread.ofVirtual().start(() -> {
            try (out) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process is gone; the end marker below says so.
            }
            lines.add(END);
        });
        List<Optional<String>> found = new ArrayList<>(
                wanted.stream().map(p -> Optional.<String>empty()).toList());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (found.stream().anyMatch(Optional::isEmpty)) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new IOException((line == null ? "timed out waiting for " : "exited before printing ") + wanted
                        + "; see " + log);
            }
            for (int i = 0; i < wanted.size(); i++) {
                Matcher matcher = wanted.get(i).matcher(line);
                if (found.get(i).isEmpty() && matcher.find()) {
                    found.set(i, Optional.of(matcher.group(1)));
                }
            }
        }
        return found.stream().map(Optional::orElseThrow).toList();
    }

    /** SIGTERM (the service drains), then SIGKILL if it has not ended within the grace. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
