package dev.ecoscan.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One mapping of a data file, read with typed accessors that report the file and the entry's path
 * (e.g. {@code majors[0].middles[2]}) on any mistake, including keys the format does not know, so a
 * misspelt {@code alias:} fails instead of silently dropping data.
 */
final class YamlEntry {

    private final String file;
    private final String path;
    private final Map<?, ?> map;

    YamlEntry(String file, String path, Object node, Set<String> allowedKeys) {
        this.file = file;
        this.path = path;
        if (!(node instanceof Map<?, ?> m)) {
            throw new DataFileException(file, path, "expected a mapping but found " + describe(node));
        }
        this.map = m;
        for (Object key : m.keySet()) {
            if (!(key instanceof String k) || !allowedKeys.contains(k)) {
                throw new DataFileException(file, path, "unknown key '" + key + "'; known keys: " + allowedKeys);
            }
        }
    }

    static YamlEntry root(String file, Object document, Set<String> allowedKeys) {
        if (document == null) {
            throw new DataFileException(file, "(document)", "the file is empty");
        }
        return new YamlEntry(file, "(document)", document, allowedKeys);
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    /** The path with the entry's id, when it has one: {@code majors[0] (recyclable)}. */
    String label() {
        Object id = map.get("id");
        if (id == null) {
            id = map.get("node");
        }
        return id == null ? path : path + " (" + id + ")";
    }

    DataFileException error(String problem) {
        return new DataFileException(file, label(), problem);
    }

    DataFileException error(String problem, Throwable cause) {
        return new DataFileException(file, label(), problem, cause);
    }

    /** Runs a domain constructor and turns its validation error into one naming the file and this entry. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw error(e.getMessage(), e);
        }
    }

    /** True when the mapping has the key, even with an empty value. */
    boolean has(String key) {
        return map.containsKey(key);
    }

    String text(String key) {
        return optionalText(key).orElseThrow(() -> error("missing '" + key + "'"));
    }

    Optional<String> optionalText(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw error("'" + key + "' must be non-blank text but is " + describe(value));
        }
        return Optional.of(s.strip());
    }

    boolean flag(String key, boolean otherwise) {
        Object value = map.get(key);
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Boolean b)) {
            throw error("'" + key + "' must be true or false but is " + describe(value));
        }
        return b;
    }

    List<String> texts(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error("'" + key + "' must be a list of texts but is " + describe(value));
        }
        List<String> texts = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank()) {
                throw error("'" + key + "[" + i + "]' must be non-blank text but is " + describe(list.get(i)));
            }
            texts.add(s.strip());
        }
        return texts;
    }

    /** The mappings of a list, each checked against {@code allowedKeys}. */
    List<YamlEntry> entries(String key, Set<String> allowedKeys) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error("'" + key + "' must be a list but is " + describe(value));
        }
        List<YamlEntry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            entries.add(new YamlEntry(file, prefix() + key + "[" + i + "]", list.get(i), allowedKeys));
        }
        return entries;
    }

    /** A mapping from keys to mappings, in file order, each checked against {@code allowedKeys}. */
    Map<String, YamlEntry> keyedEntries(String key, Set<String> allowedKeys) {
        Object value = map.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw error("'" + key + "' must be a mapping but is " + describe(value));
        }
        Map<String, YamlEntry> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            result.put(
                    String.valueOf(e.getKey()),
                    new YamlEntry(file, prefix() + key + "." + e.getKey(), e.getValue(), allowedKeys));
        }
        return result;
    }

    private String prefix() {
        return path.equals("(document)") ? "" : path + ".";
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " '" + value + "'";
    }
}
