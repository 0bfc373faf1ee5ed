package dev.ecoscan.bootstrap.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The YAML file of settings, read as YAML 1.2 (core schema): there {@code off}, {@code on},
 * {@code yes} and {@code no} are words, as a user writing {@code cache: off} means them, where YAML
 * 1.1 (snakeyaml) would make booleans of them, and {@code 2024-10-21} is text, not a date. Every
 * value reaches its setting as text ({@code port: 8080} as {@code "8080"}), read by its format.
 *
 * @param values the setting keys and their texts
 * @param chain  the {@code llm_chain} entries, in order
 */
record SettingsFile(Map<String, String> values, List<Map<String, String>> chain) {

    static final String LLM_CHAIN = ProviderSettings.LLM_CHAIN;
    /** The keys an {@code llm_chain} entry may have. */
    static final List<String> CHAIN_KEYS = List.of(
            "name",
            "provider",
            "base_url",
            "api_key",
            "vision_model",
            "answer_model",
            "azure_api_version",
            "structured_output",
            "token_parameter");

    static final SettingsFile NONE = new SettingsFile(Map.of(), List.of());

    SettingsFile {
        values = Map.copyOf(values);
        chain = List.copyOf(chain);
    }

    static SettingsFile read(Path file) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoadSettings options = LoadSettings.builder()
                    .setSchema(new CoreSchema())
                    .setAllowDuplicateKeys(false)
                    .setLabel(file.toString())
                    .build();
            document = new Load(options).loadFromReader(reader);
        } catch (IOException e) {
            throw new SettingsException(
                    "ECO_SCAN_CONFIG names " + file + ", which cannot be read: " + e.getMessage(), e);
        } catch (YamlEngineException e) {
            throw new SettingsException(file + " is not valid YAML: " + e.getMessage() + hint(e), e);
        }
        if (document == null) {
            return NONE;
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new SettingsException(file + " must be a mapping of setting keys to values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<Map<String, String>> chain = new ArrayList<>();
        map.forEach((key, value) -> {
            if (LLM_CHAIN.equals(key)) {
                chain.addAll(chainEntries(file, value));
            } else if (value == null || value instanceof Map || value instanceof List) {
                throw new SettingsException(file + ": '" + key + "' needs a single value");
            } else {
                values.put(String.valueOf(key), String.valueOf(value).strip());
            }
        });
        return new SettingsFile(values, chain);
    }

    /** In YAML a plain value that starts with {@code *} names an anchor, so a wildcard host needs quotes. */
    private static String hint(YamlEngineException e) {
        return String.valueOf(e.getMessage()).contains("alias")
                ? " (a value that starts with * must be quoted, e.g. image_hosts: \"*.example.com\")"
                : "";
    }

    private static List<Map<String, String>> chainEntries(Path file, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new SettingsException(file + ": '" + LLM_CHAIN + "' needs a list of endpoints, each a mapping with "
                    + String.join(", ", CHAIN_KEYS));
        }
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": " + LLM_CHAIN + "[" + (i + 1) + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new SettingsException(where + " must be a mapping with " + String.join(", ", CHAIN_KEYS));
            }
            Map<String, String> clean = new LinkedHashMap<>();
            entry.forEach((k, v) -> {
                if (!CHAIN_KEYS.contains(String.valueOf(k))) {
                    throw new SettingsException(where + ": '" + k + "' is not a key of a chain entry; known keys: "
                            + String.join(", ", CHAIN_KEYS));
                }
                if (v == null || v instanceof Map || v instanceof List) {
                    throw new SettingsException(where + ": '" + k + "' needs a single value");
                }
                clean.put(String.valueOf(k), String.valueOf(v).strip());
            });
            if (!clean.containsKey("base_url")) {
                throw new SettingsException(where + " needs a base_url");
            }
            entries.add(clean);
        }
        return entries;
    }
}
