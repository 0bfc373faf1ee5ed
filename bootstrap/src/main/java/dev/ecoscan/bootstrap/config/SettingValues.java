package dev.ecoscan.bootstrap.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The texts of the settings that are set: from the environment (a secret one also from the file its
 * {@code NAME_FILE} names, see {@link SecretFiles}), else from the YAML file. Every name
 * and every value is checked here, once, so a typo or a value a setting does not accept stops
 * start-up with a message naming the setting, before anything is wired.
 */
final class SettingValues {

    private static final String ENV_PREFIX = "ECO_SCAN_";
    private static final Path DEFAULT_FILE = Path.of("eco-scan.yaml");

    private final Map<Setting<?>, String> texts;
    private final List<Map<String, String>> chain;

    private SettingValues(Map<Setting<?>, String> texts, List<Map<String, String>> chain) {
        this.texts = Map.copyOf(texts);
        this.chain = List.copyOf(chain);
    }

    /** Reads an environment (usually {@code System.getenv()}) and the file it names. */
    static SettingValues read(Map<String, String> environment) {
        for (String name : environment.keySet()) {
            if (name.startsWith(ENV_PREFIX)
                    && SettingCatalogue.byEnv(name).isEmpty()
                    && SettingCatalogue.byFileEnv(name).isEmpty()) {
                throw new SettingsException(name + " is not a setting eco-scan knows; known settings: "
                        + SettingCatalogue.names() + "; and, for a secret in a file: "
                        + SettingCatalogue.fileNames());
            }
        }
        String explicitFile = blankToNull(environment.get(SettingCatalogue.CONFIG.env()));
        Path file = explicitFile != null ? Path.of(explicitFile) : DEFAULT_FILE;
        SettingsFile yaml = explicitFile != null || Files.exists(file) ? SettingsFile.read(file) : SettingsFile.NONE;

        Map<Setting<?>, String> texts = new HashMap<>();
        Map<Setting<?>, String> sources = new HashMap<>();
        yaml.values().forEach((key, text) -> {
            Setting<?> setting = SettingCatalogue.byYamlKey(key)
                    .orElseThrow(() -> new SettingsException(file + ": '" + key
                            + "' is not a setting eco-scan knows; known keys: " + SettingCatalogue.yamlKeys()));
            if (setting == SettingCatalogue.CONFIG) {
                throw new SettingsException(file + ": 'config' can only be set in the environment");
            }
            texts.put(setting, text);
            sources.put(setting, file.toString());
        });
        Set<Setting<?>> fromFiles = new HashSet<>();
        for (Setting<?> setting : SettingCatalogue.ALL) {
            String text = blankToNull(environment.get(setting.env()));
            Optional<String> fromFile = SecretFiles.read(setting, environment);
            if (fromFile.isPresent()) {
                texts.put(setting, fromFile.get());
                sources.put(setting, "the file " + setting.fileEnv().orElseThrow() + " names");
                fromFiles.add(setting);
            } else if (text != null) {
                texts.put(setting, text.strip());
                sources.put(setting, "the environment");
            }
        }
        texts.forEach((setting, text) -> {
            if (setting.format().read(text).isEmpty()) {
                throw new SettingsException(setting.env() + " (from " + sources.get(setting) + ") is '"
                        + (setting.isSecret() || fromFiles.contains(setting) ? "…" : text) + "', but it accepts "
                        + setting.format().accepts());
            }
        });
        texts.forEach(SettingValues::registerSecret);
        yaml.chain().forEach(entry -> Secrets.register(entry.get("api_key")));
        return new SettingValues(texts, yaml.chain());
    }

    /** Nothing set: every default. */
    static SettingValues none() {
        return new SettingValues(Map.of(), List.of());
    }

    /** The value set for a setting, if it is set. */
    <T> Optional<T> optional(Setting<T> setting) {
        return Optional.ofNullable(texts.get(setting))
                .map(text -> setting.format().read(text).orElseThrow());
    }

    /** The value set for a setting, else its literal default. */
    <T> T get(Setting<T> setting) {
        return optional(setting).orElseGet(setting::defaultValue);
    }

    boolean isSet(Setting<?> setting) {
        return texts.containsKey(setting);
    }

    /** The {@code llm_chain} entries of the YAML file, in order. */
    List<Map<String, String>> chain() {
        return chain;
    }

    private static void registerSecret(Setting<?> setting, String text) {
        switch (setting.sensitivity()) {
            case SECRET -> Secrets.register(text);
            case URL_WITH_PASSWORD -> Secrets.registerUrlPassword(text);
            case PLAIN -> {}
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
