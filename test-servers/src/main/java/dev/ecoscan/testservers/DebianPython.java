package dev.ecoscan.testservers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Python interpreter with uvicorn, FastAPI and PyYAML, which {@link UvicornOpenAiServer} runs.
 * The pyenv {@code python3} on PATH cannot import Debian's packages; {@code -Deco-scan.python=...}
 * points elsewhere (or nowhere, to try the skip).
 */
final class DebianPython {

    static final Path PYTHON = Path.of(System.getProperty("eco-scan.python", "/usr/bin/python3"));

    private static final Duration IMPORT_CHECK_TIMEOUT = Duration.ofSeconds(20);
    private static final String WHAT = "Debian's python3-uvicorn, python3-fastapi and python3-yaml";
    private static final String PACKAGES = "python3-uvicorn python3-fastapi python3-yaml";

    private DebianPython() {}

    /** Skips the calling test (fails it with {@code CI=true}) when the interpreter or a package is missing. */
    static void requireInstalled() throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            throw LocalServers.missing(WHAT, PACKAGES);
        }
        try {
            ProcessBuilder check = new ProcessBuilder(PYTHON.toString(), "-c", "import uvicorn, fastapi, yaml")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            cleanEnvironment(check.environment());
            Process process = check.start();
            if (!process.waitFor(IMPORT_CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(PYTHON + " -c 'import uvicorn, fastapi, yaml' did not finish within " + IMPORT_CHECK_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw LocalServers.missing(WHAT, PACKAGES);
            }
        } catch (IOException e) {
            throw LocalServers.missing(WHAT, PACKAGES);
        }
    }

    /**
     * uvicorn serving {@code app} from {@code appDir} on {@code 127.0.0.1:port}, its output to
     * {@code appDir/uvicorn.log}, in a clean environment the caller may add to.
     */
    static ProcessBuilder uvicorn(Path appDir, String app, int port) {
        ProcessBuilder builder = new ProcessBuilder(
                        PYTHON.toString(),
                        "-m",
                        "uvicorn",
                        "--app-dir",
                        appDir.toString(),
                        app,
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--no-access-log")
                .directory(appDir.toFile())
                .redirectErrorStream(true)
                // To a file, not a pipe: nobody reads the pipe, and a full one would stall uvicorn.
                .redirectOutput(appDir.resolve("uvicorn.log").toFile());
        Map<String, String> env = builder.environment();
        cleanEnvironment(env);
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        return builder;
    }

    /** A pyenv or virtualenv in the caller's shell must not redirect Debian's interpreter elsewhere. */
    private static void cleanEnvironment(Map<String, String> env) {
        env.remove("PYTHONPATH");
        env.remove("PYTHONHOME");
        env.remove("VIRTUAL_ENV");
    }
}
