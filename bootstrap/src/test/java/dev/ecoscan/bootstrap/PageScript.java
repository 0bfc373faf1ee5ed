package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.fail;

import dev.ecoscan.testservers.LocalServers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Node script under {@code src/test/page} that drives the try-it page in Debian's Chromium with
 * playwright-core. What it needs is checked first, as {@link LocalServers} does for servers: missing,
 * the test is skipped with what to install, or fails under {@code CI=true}. A missing
 * {@code node_modules} is installed here with {@code npm ci} (the lock file pins playwright-core).
 */
final class PageScript {

    static final Path FOLDER = Path.of("src/test/page");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration NPM_CI = Duration.ofMinutes(3);

    private PageScript() {}

    /** The page's script, ready to run: node, Chromium and playwright-core are all there. */
    static Path ready() throws IOException, InterruptedException {
        Path node = onPath("node").orElseThrow(() -> LocalServers.missing("Node.js (node)", "nodejs"));
        if (!Files.isExecutable(CHROMIUM)) {
            throw LocalServers.missing("Chromium (" + CHROMIUM + ")", "chromium");
        }
        if (!Files.isDirectory(FOLDER.resolve("node_modules/playwright-core"))) {
            Optional<Path> npm = onPath("npm");
            Run install = npm.isPresent()
                    ? run(FOLDER, NPM_CI, npm.get().toString(), "ci", "--no-audit", "--no-fund")
                    : new Run(-1, "npm is not installed");
            if (install.exit() != 0) {
                String why = "playwright-core is missing from " + FOLDER.toAbsolutePath()
                        + "/node_modules and npm ci could not install it:\n" + install.output();
                if ("true".equals(System.getenv("CI"))) {
                    fail(why + "\n.ci/run must run npm ci there before the tests");
                }
                Assumptions.abort(why + "\nRun npm ci in bootstrap/src/test/page (apt-get install -y npm), then"
                        + " run the tests again");
            }
        }
        return node;
    }

    /** Runs the page script against {@code baseUrl}; the result carries its exit status and all it printed. */
    static Run drive(Path node, String baseUrl, Path photo, String expectedItem, Duration timeout)
            throws IOException, InterruptedException {
        return run(
                FOLDER,
                timeout,
                node.toString(),
                "try-page.mjs",
                baseUrl,
                photo.toAbsolutePath().toString(),
                expectedItem);
    }

    /** A finished process: its exit status (-1 when it was killed at its timeout) and its stdout and stderr. */
    record Run(int exit, String output) {}

    private static Run run(Path dir, Duration timeout, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("eco-scan-page-", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return finished
                    ? new Run(process.exitValue(), output)
                    : new Run(-1, output + "\n(killed after " + timeout.toSeconds() + " s)");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Optional<Path> onPath(String program) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/bin");
        return dirs.stream()
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
