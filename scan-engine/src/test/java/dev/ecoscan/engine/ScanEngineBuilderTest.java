package dev.ecoscan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScriptedClassifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineBuilderTest {

    private static final LlmProvider PROVIDER =
            LlmProvider.compatible(URI.create("http://127.0.0.1:9/v1"), "secret-key-123", "vision-m", "answer-m");

    @Test
    void an_engine_with_nothing_for_the_vision_step_is_refused() {
        assertThatThrownBy(() ->
                        ScanEngine.builder().answers(CannedAnswers.fromRule()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vision step has nothing to run on");
    }

    @Test
    void a_provider_no_step_uses_is_refused() {
        assertThatThrownBy(() -> ScanEngine.builder()
                        .provider(PROVIDER)
                        .classifier(ScriptedClassifier.unclassifiable("fake"))
                        .answers(CannedAnswers.fromRule())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both steps have a model or port of their own");
    }

    @Test
    void a_fallback_without_a_primary_is_refused() {
        assertThatThrownBy(() -> ScanEngine.builder()
                        .fallback(PROVIDER)
                        .classifier(ScriptedClassifier.unclassifiable("fake"))
                        .answers(CannedAnswers.fromRule())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fallback(...) needs provider(...)");
    }

    @Test
    void a_step_given_two_sources_is_refused_when_the_second_is_set() {
        ScanEngineBuilder builder = ScanEngine.builder().classifier(ScriptedClassifier.unclassifiable("fake"));

        assertThatThrownBy(() -> builder.classifier(ScriptedClassifier.unclassifiable("another")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the vision step already has");
    }

    @Test
    void limits_must_be_positive() {
        assertThatThrownBy(() -> ScanEngine.builder().deadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScanEngine.builder().maxUnfinishedJobs(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScanEngine.builder().jobRetention(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_provider_needs_an_http_url_and_a_key_and_never_prints_the_key() {
        assertThatThrownBy(() -> LlmProvider.compatible(URI.create("ftp://host/v1"), "k", "v", "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LlmProvider.openAi(" ", "v", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PROVIDER.toString()).doesNotContain("secret-key-123").contains("vision-m");
    }

    @Test
    void a_knowledge_base_that_does_not_load_stops_the_build(@TempDir Path empty) {
        assertThatThrownBy(() -> ScanEngine.builder()
                        .knowledgeBase(empty)
                        .classifier(ScriptedClassifier.unclassifiable("fake"))
                        .answers(CannedAnswers.fromRule())
                        .build())
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("taxonomy.yaml");
    }
}
