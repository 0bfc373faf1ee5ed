package dev.ecoscan.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The manifests under {@code deploy/k8s}, each document of each file parsed as YAML 1.2, as the API server reads them. */
final class KubernetesManifests {

    private KubernetesManifests() {}

    static Path folder() {
        return Path.of(System.getProperty("eco-scan.root", ".."), "deploy", "k8s");
    }

    /** Every document of every {@code .yaml} file of {@code folder}, files in name order. */
    static List<ManifestNode> read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<ManifestNode> documents = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                documents.addAll(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of one file; their values are mutable maps and lists, so a test can make one drift. */
    static List<ManifestNode> parse(String file, String yaml) {
        List<ManifestNode> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (document != null) {
                documents.add(new ManifestNode(file + ":", document));
            }
        }
        return documents;
    }
}
