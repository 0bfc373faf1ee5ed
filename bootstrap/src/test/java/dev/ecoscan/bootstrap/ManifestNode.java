package dev.ecoscan.bootstrap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A node of a parsed Kubernetes manifest and where it sits ({@code serve.yaml: spec.template...}), so
 * that a check's message names the field that is wrong. A missing field is a node with no value.
 */
record ManifestNode(String where, Object value) {

    ManifestNode get(String key) {
        Object child = value instanceof Map<?, ?> map ? map.get(key) : null;
        return new ManifestNode(where + (where.endsWith(":") ? " " : ".") + key, child);
    }

    boolean present() {
        return value != null;
    }

    /** The items of a list; none when this is not one. */
    List<ManifestNode> items() {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return IntStream.range(0, list.size())
                .mapToObj(i -> new ManifestNode(where + "[" + i + "]", list.get(i)))
                .toList();
    }

    /** The entries of a mapping, in the file's order; none when this is not one. */
    Map<String, ManifestNode> entries() {
        Map<String, ManifestNode> entries = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> entries.put(String.valueOf(key), get(String.valueOf(key))));
        }
        return entries;
    }

    /** A mapping of strings to strings, such as labels; a non-string value is left out. */
    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        entries().forEach((key, child) -> child.text().ifPresent(text -> labels.put(key, text)));
        return labels;
    }

    /** The value when it is a string in YAML (quoted or plain text, not a number or a boolean). */
    Optional<String> text() {
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }

    Optional<Integer> number() {
        return value instanceof Integer number ? Optional.of(number) : Optional.empty();
    }

    /** The document's kind and name, e.g. {@code Deployment eco-scan-serve}. */
    String title() {
        return get("kind").text().orElse("?") + " "
                + get("metadata").get("name").text().orElse("?");
    }
}
