package dev.ecoscan.bootstrap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code eco-scan serve} in a child JVM on the test's classpath, as {@code ./eco-scan serve} runs it
 * (its own {@code main}, so its own stdout, stderr and Logback), with embedded defaults, any free
 * port and none of the developer's settings. Its stdout and stderr go to two files the test reads.
 */
final class ServeProcess implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ServeProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts the service with {@code settings} on top of the embedded defaults, its output in {@code dir}. */
    static ServeProcess start(Path dir, Map<String, String> settings) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .directory(new File(System.getProperty("user.dir")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("ECO_SCAN_") || key.startsWith("OPENAI_"));
        env.putAll(Map.of(
                "ECO_SCAN_CONFIG", "/dev/null",
                "ECO_SCAN_PORT", "0",
                "ECO_SCAN_SIMULATOR_SPEED", "0",
                "ECO_SCAN_DATA_DIR", dir.resolve("data").toString(),
                "ECO_SCAN_SAMPLES_DIR", System.getProperty("eco-scan.samples", "../samples")));
        env.putAll(settings);
        return new ServeProcess(builder.start(), out, err);
    }

    /** The first stdout line that {@code wanted} accepts, waiting for it while the service runs. */
    String awaitStdout(Predicate<String> wanted) throws InterruptedException {
        return await(stdout, wanted, "stdout");
    }

    /** The first stderr line that {@code wanted} accepts, waiting for it while the service runs. */
    String awaitStderr(Predicate<String> wanted) throws InterruptedException {
        return await(stderr, wanted, "stderr");
    }

    /** Stops the service as an operator does (SIGTERM, so it drains) and waits until it has exited. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("serve did not stop within " + WAIT + "; stderr:\n" + read(stderr));
        }
    }

    List<String> stdoutLines() {
        return read(stdout).lines().toList();
    }

    List<String> stderrLines() {
        return read(stderr).lines().toList();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private String await(Path file, Predicate<String> wanted, String name) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            Optional<String> found = read(file).lines().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                break;
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError(
                "no such line on " + name + "; stdout:\n" + read(stdout) + "\nstderr:\n" + read(stderr));
    }

    private static String read(Path file) {
        try {
            // Decoded leniently: the last line may be cut inside a character while the service writes it.
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
