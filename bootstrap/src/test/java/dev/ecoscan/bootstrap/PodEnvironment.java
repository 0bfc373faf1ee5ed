package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.SettingCatalogue;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a container of the manifests would start with: its environment (the ConfigMaps it takes with
 * {@code envFrom}, then its {@code env} list, which wins) and the settings eco-scan reads from it, each
 * {@code NAME_FILE} pointed at a scratch copy of the Secret file it names. Each fault is added to the
 * problems, naming the field.
 */
final class PodEnvironment {

    /**
     * What {@code kubectl create secret generic eco-scan} of deploy/README.md puts in each key: the form
     * of a real value, so the settings that read them accept them. Each file ends in a newline, as a
     * file written by an editor does.
     */
    static final Map<String, String> EXAMPLE_SECRET = Map.of(
            "openai-api-key", "manifest-check-openai-key",
            "jwt-secret", "manifest-check-jwt-secret-of-more-than-32-bytes",
            "db-password", "manifest-check-db-password",
            "redis-url", "redis://:manifest-check-redis-password@redis:6379");

    private final List<ManifestNode> configMaps;
    private final Path scratch;
    private final List<String> problems;

    PodEnvironment(List<ManifestNode> configMaps, Path scratch, List<String> problems) {
        this.configMaps = configMaps;
        this.scratch = scratch;
        this.problems = problems;
    }

    /** The variables the container gets, each name checked against the settings eco-scan knows. */
    Map<String, String> variables(ManifestNode container) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (ManifestNode source : container.get("envFrom").items()) {
            if (source.get("secretRef").present()) {
                problems.add(source.where() + ": secrets come as files (NAME_FILE), not as variables");
            }
            String name = source.get("configMapRef").get("name").text().orElse("");
            Optional<ManifestNode> configMap = configMaps.stream()
                    .filter(map ->
                            map.get("metadata").get("name").text().orElse("").equals(name))
                    .findFirst();
            if (configMap.isEmpty()) {
                problems.add(source.where() + ": no ConfigMap '" + name + "' among the manifests");
            }
            configMap.ifPresent(map -> map.get("data").entries().forEach((key, value) -> put(variables, key, value)));
        }
        for (ManifestNode variable : container.get("env").items()) {
            put(variables, variable.get("name").text().orElse(""), variable.get("value"));
        }
        return variables;
    }

    /**
     * The settings eco-scan would start with on {@code variables}, the Secret files a {@code NAME_FILE}
     * names copied to scratch with an example value; empty, with the problem added, when start-up would
     * stop.
     */
    Optional<Settings> settings(String pod, Map<String, String> variables, ManifestNode container, ManifestNode spec) {
        Map<String, String> environment = new LinkedHashMap<>(variables);
        for (Setting<?> setting : SettingCatalogue.ALL) {
            // A URL that may carry a password (the database's, Redis') is plain when it carries none.
            if (setting.isSecret() && variables.containsKey(setting.env())) {
                problems.add(pod + ": " + setting.env() + " is a secret: put it in the Secret and pass "
                        + setting.fileEnv().get() + " instead");
            }
            Optional<String> path = setting.fileEnv().map(variables::get).filter(value -> !value.isEmpty());
            if (path.isPresent()) {
                Optional<String> key = secretKey(path.get(), container, spec);
                if (key.isEmpty() || !EXAMPLE_SECRET.containsKey(key.get())) {
                    problems.add(pod + ": " + setting.fileEnv().get() + "=" + path.get()
                            + " is not a file of the Secret the container mounts (keys "
                            + EXAMPLE_SECRET.keySet() + ")");
                    return Optional.empty();
                }
                environment.put(setting.fileEnv().get(), copy(pod, key.get()).toString());
            }
        }
        try {
            Settings settings = Settings.from(environment);
            settings.requireProviderUnlessDev();
            return Optional.of(settings);
        } catch (SettingsException e) {
            problems.add(pod + ": eco-scan would not start: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void put(Map<String, String> variables, String name, ManifestNode value) {
        boolean known = SettingCatalogue.ALL.stream().anyMatch(s -> s.env().equals(name))
                || SettingCatalogue.fileEnvs().contains(name);
        if (!known) {
            problems.add(value.where() + ": " + name
                    + " is neither a setting eco-scan knows nor the NAME_FILE variant of a secret one");
        }
        // The API server refuses a number or a boolean here; YAML reads an unquoted 8080 as one.
        if (value.text().isEmpty()) {
            problems.add(value.where() + ": " + name + " must be a string (quote it)");
        }
        variables.put(name, value.text().orElse(String.valueOf(value.value())));
    }

    /** The key of the Secret volume item that {@code path} is, among the container's mounts. */
    private static Optional<String> secretKey(String path, ManifestNode container, ManifestNode spec) {
        Path file = Path.of(path);
        String folder = String.valueOf(file.getParent());
        String name = String.valueOf(file.getFileName());
        for (ManifestNode mount : container.get("volumeMounts").items()) {
            if (!mount.get("mountPath").text().orElse("").equals(folder)) {
                continue;
            }
            for (ManifestNode volume : spec.get("volumes").items()) {
                ManifestNode secret = volume.get("secret");
                if (!secret.present()
                        || !Objects.equals(
                                volume.get("name").value(), mount.get("name").value())) {
                    continue;
                }
                List<ManifestNode> items = secret.get("items").items();
                if (items.isEmpty()) {
                    return Optional.of(name);
                }
                return items.stream()
                        .filter(item -> item.get("path").text().orElse("").equals(name))
                        .flatMap(item -> item.get("key").text().stream())
                        .findFirst();
            }
        }
        return Optional.empty();
    }

    private Path copy(String pod, String key) {
        try {
            Path folder = Files.createDirectories(scratch.resolve(pod.replaceAll("[^A-Za-z0-9-]", "_")));
            return Files.writeString(folder.resolve(key), EXAMPLE_SECRET.get(key) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
