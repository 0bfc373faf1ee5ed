package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests under deploy/k8s agree with the code (see {@link ManifestRules}), and each way one
 * could drift from it is caught: every case edits a copy of one file and expects the fault named.
 */
class KubernetesManifestsTest {

    @TempDir
    Path scratch;

    /**
     * An edit of one manifest: every match of the pattern {@code from} (there must be one) replaced by
     * {@code to}, and the fault expected. Patterns, so that a value changed on purpose does not break the case.
     */
    record Drift(String file, String from, String to, String expected) {

        @Override
        public String toString() {
            return file + ": " + from.strip() + " -> " + to.strip();
        }
    }

    @Test
    void the_manifests_agree_with_the_code() {
        List<ManifestNode> documents = KubernetesManifests.read(KubernetesManifests.folder());

        assertThat(documents)
                .extracting(ManifestNode::title)
                .contains(
                        "Deployment eco-scan-serve",
                        "Deployment eco-scan-worker",
                        "Service eco-scan",
                        "ConfigMap eco-scan-settings");
        assertThat(ManifestRules.problems(documents, scratch)).isEmpty();
    }

    static Stream<Drift> drifts() {
        return Stream.of(
                new Drift(
                        "serve.yaml",
                        "path: /health/ready",
                        "path: /health/readiness",
                        "/health/readiness is not a route"),
                new Drift("serve.yaml", "path: /health/ready", "path: /health/live", "expected /health/ready"),
                new Drift("worker.yaml", "port: metrics", "port: 9999", "9999 is not a port of the container"),
                new Drift("settings.yaml", "ECO_SCAN_PORT: \"\\d+\"", "ECO_SCAN_PORT: \"9999\"", "listens on 9999"),
                new Drift("settings.yaml", "ECO_SCAN_PORT: \"(\\d+)\"", "ECO_SCAN_PORT: $1", "must be a string"),
                new Drift(
                        "settings.yaml", "ECO_SCAN_DRAIN_GRACE:", "ECO_SCAN_DRAIN_GRACE_SECONDS:", "neither a setting"),
                new Drift(
                        "serve.yaml",
                        "terminationGracePeriodSeconds: \\d+",
                        "terminationGracePeriodSeconds: 30",
                        "SIGKILL would cut the drain"),
                new Drift("worker.yaml", "terminationGracePeriodSeconds: \\d+", "", "(Kubernetes' default is 30 s)"),
                new Drift(
                        "settings.yaml",
                        "ECO_SCAN_DRAIN_GRACE: \\S+",
                        "ECO_SCAN_DRAIN_GRACE: 600s",
                        "SIGKILL would cut the drain"),
                new Drift(
                        "settings.yaml",
                        "ECO_SCAN_DRAIN_GRACE: \\S+",
                        "ECO_SCAN_DRAIN_GRACE: 10s",
                        "less than the deadline"),
                new Drift("settings.yaml", "ECO_SCAN_DEADLINE: \\S+", "ECO_SCAN_DEADLINE: soon", "would not start"),
                new Drift("worker.yaml", "enableServiceLinks: false", "enableServiceLinks: true", "must be false"),
                new Drift("serve.yaml", "\\s+enableServiceLinks: false", "", "must be false"),
                new Drift("serve.yaml", "(limits:\\s+cpu: \\S+)\\s+memory: \\S+", "$1", "limits.memory: missing"),
                new Drift(
                        "serve.yaml",
                        "/run/secrets/eco-scan/jwt-secret",
                        "/run/secret/jwt-secret",
                        "not a file of the Secret"),
                new Drift("worker.yaml", "- name: OPENAI_API_KEY_FILE", "- name: OPENAI_API_KEY", "is a secret"),
                new Drift("service.yaml", "component: serve", "component: worker", "served by the serve pods only"),
                new Drift(
                        "disruption-budgets.yaml",
                        "component: serve",
                        "component: web",
                        "no PodDisruptionBudget selects the serve pods"),
                new Drift(
                        "serve.yaml",
                        "args: \\[\"serve\"]",
                        "args: [\"worker\"]",
                        "no Deployment runs eco-scan serve"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void a_manifest_that_drifts_from_the_code_is_named(Drift drift) throws IOException {
        List<ManifestNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(KubernetesManifests.folder())) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString();
                String yaml = Files.readString(file, StandardCharsets.UTF_8);
                if (name.equals(drift.file())) {
                    assertThat(yaml).as("the text the drift edits").containsPattern(drift.from());
                    yaml = yaml.replaceAll(drift.from(), drift.to());
                }
                documents.addAll(KubernetesManifests.parse(name, yaml));
            }
        }

        assertThat(ManifestRules.problems(documents, scratch))
                .anySatisfy(problem -> assertThat(problem).contains(drift.expected()));
    }
}
