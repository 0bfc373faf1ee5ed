package dev.ecoscan.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The files a {@link UvicornOpenAiServer} runs on: its script, and eco-scan's taxonomy and tags. */
final class RulesServerFiles {

    private static final String SCRIPT = "openai_rules_server.py";
    private static final String DATA = "dev/ecoscan/data/";
    private static final String[] DATA_FILES = {"taxonomy.yaml", "situation-tags.yaml"};
    private static final Path DATA_IN_SOURCES = Path.of("taxonomy-data/src/main/resources/dev/ecoscan/data");

    private RulesServerFiles() {}

    /** Copies {@code openai_rules_server.py} into {@code folder}, for uvicorn's {@code --app-dir}. */
    static void copyScript(Path folder) throws IOException {
        try (InputStream in = UvicornOpenAiServer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource " + SCRIPT + " is missing beside " + UvicornOpenAiServer.class.getName());
            }
            Files.copy(in, folder.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * eco-scan's data files for the server to name what it sees: taken from the classpath when the
     * caller has taxonomy-data on it (then the server and the Java side read the same files), else from
     * the repository's sources above the working directory (surefire runs in the module's folder).
     */
    static Path dataFolder(Path folder) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL onClasspath = loader.getResource(DATA + DATA_FILES[0]);
        if (onClasspath != null) {
            Path copy = Files.createDirectories(folder.resolve("data"));
            for (String file : DATA_FILES) {
                try (InputStream in = loader.getResourceAsStream(DATA + file)) {
                    if (in == null) {
                        throw new IllegalStateException(DATA + file + " is missing from the classpath");
                    }
                    Files.copy(in, copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return copy;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DATA_IN_SOURCES);
            if (Files.isRegularFile(candidate.resolve(DATA_FILES[0]))) {
                return candidate;
            }
        }
        throw new IllegalStateException("eco-scan's data files (" + DATA + DATA_FILES[0] + ") are neither on the "
                + "classpath nor in " + DATA_IN_SOURCES + " above "
                + Path.of("").toAbsolutePath()
                + "; pass FAKE_OPENAI_DATA_DIR to start(Map)");
    }
}
