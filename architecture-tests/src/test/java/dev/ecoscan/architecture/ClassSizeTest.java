package dev.ecoscan.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production class grows past {@value #MAX_LINES} lines (as formatted by the build's formatter):
 * a class that long does more than one thing, as the HTTP server once did with every route in it.
 */
class ClassSizeTest {

    static final int MAX_LINES = 250;

    /** The build runs this module's tests in its own folder; the modules are its siblings. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void no_main_class_is_over_the_limit() throws IOException {
        List<Path> sources = mainSources();
        assertThat(sources).as("main sources found under %s", ROOT).hasSizeGreaterThan(300);

        Map<Path, Long> tooLong = sources.stream()
                .collect(Collectors.toMap(path -> ROOT.relativize(path), ClassSizeTest::lines))
                .entrySet()
                .stream()
                .filter(entry -> entry.getValue() > MAX_LINES)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(tooLong).as("main classes over %d lines", MAX_LINES).isEmpty();
    }

    @Test
    void the_count_sees_a_long_file() throws IOException {
        Path planted = Files.createTempFile("Long", ".java");
        try {
            Files.writeString(planted, "class Long {}\n".repeat(MAX_LINES + 1));
            assertThat(lines(planted)).isGreaterThan(MAX_LINES);
        } finally {
            Files.delete(planted);
        }
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(ClassSizeTest::javaFiles)
                    .toList();
        }
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
