package dev.ecoscan.adapter.character;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test sources in a JVM of its own: a second process, or one to kill. */
final class ChildJvm {

    private ChildJvm() {}

    /** The child's stdout is piped to the caller; its stderr goes to {@code stderr}, for failure messages. */
    static Process start(Class<?> mainClass, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up speed over peak speed: the children live for seconds.
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }
}
