package dev.ecoscan.data;

import dev.ecoscan.domain.rule.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public pages disposal-rules.yaml cites, declared once under {@code sources:} with a title and
 * an address and referred to by id from each rule and override, so a moved page is fixed in one line.
 */
final class SourceCatalogue {

    static final String SOURCES = "sources";

    private final Map<String, Source> byId = new LinkedHashMap<>();

    SourceCatalogue(YamlEntry root) {
        root.keyedEntries(SOURCES, Set.of("title", "url"))
                .forEach((id, entry) ->
                        byId.put(id, entry.build(() -> Source.of(entry.text("title"), entry.text("url")))));
    }

    /**
     * The sources an entry cites; every rule and override must cite at least one, since advice people
     * act on has to be checkable against the page it came from.
     */
    List<Source> cited(YamlEntry entry, String what) {
        if (!entry.has(SOURCES)) {
            throw entry.error("missing '" + SOURCES + "': " + what + " must cite the public page(s) it is taken from"
                    + " (ids declared under the file's top-level '" + SOURCES + "')");
        }
        List<String> ids = entry.texts(SOURCES);
        if (ids.isEmpty()) {
            throw entry.error("'" + SOURCES + "' is empty: " + what + " must cite at least one public page");
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Source source = byId.get(ids.get(i));
            if (source == null) {
                throw entry.error("'" + SOURCES + "[" + i + "]' names '" + ids.get(i) + "', which is not declared under"
                        + " the top-level '" + SOURCES + "'; known: " + byId.keySet());
            }
            sources.add(source);
        }
        return sources;
    }
}
