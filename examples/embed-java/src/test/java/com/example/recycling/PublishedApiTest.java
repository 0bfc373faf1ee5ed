package com.example.recycling;

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

/** This project names no eco-scan class outside the published API its README lists. */
class PublishedApiTest {

    /** Split, so that the planted names below are not names this file uses. */
    private static final String ECO = "dev.ecoscan";

    private static final Path README = Path.of(System.getProperty("readme", "README.md"));
    private static final PublishedApi API = PublishedApi.fromReadme(read(README));

    @Test
    void the_main_code_uses_only_the_published_api() {
        assertThat(violationsUnder(Path.of("src/main/java"), false)).isEmpty();
    }

    @Test
    void the_tests_use_only_the_published_api_and_the_test_artifacts() {
        assertThat(violationsUnder(Path.of("src/test/java"), true)).isEmpty();
    }

    @Test
    void the_check_sees_an_adapter_class_and_an_engine_subpackage() {
        String planted = "import " + ECO + ".adapter.openai.OpenAiAdapters;\n"
                + "import " + ECO + ".engine.internal.Wiring;\n"
                + "import " + ECO + ".domain.port.JobQueue.Submission;\n";

        assertThat(API.violations(planted, false))
                .containsExactly(ECO + ".adapter.openai.OpenAiAdapters", ECO + ".engine.internal.Wiring");
    }

    @Test
    void the_testkit_is_allowed_in_tests_only() {
        String planted = "import " + ECO + ".testkit.ScriptedClassifier;\n";

        assertThat(API.violations(planted, false)).containsExactly(ECO + ".testkit.ScriptedClassifier");
        assertThat(API.violations(planted, true)).isEmpty();
    }

    @Test
    void the_readme_lists_the_engine_and_the_testkit() {
        assertThat(API.everywhere()).contains(ECO + ".engine.*");
        assertThat(API.testsOnly()).contains(ECO + ".testkit.*");
    }

    private static Map<Path, List<String>> violationsUnder(Path root, boolean test) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sources =
                    files.filter(file -> file.toString().endsWith(".java")).toList();
            assertThat(sources).as("sources under %s", root).isNotEmpty();
            return sources.stream()
                    .collect(Collectors.toMap(file -> file, file -> API.violations(read(file), test)))
                    .entrySet()
                    .stream()
                    .filter(entry -> !entry.getValue().isEmpty())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
