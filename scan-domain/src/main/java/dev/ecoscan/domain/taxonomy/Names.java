package dev.ecoscan.domain.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How people call a node: its Korean name, an optional English name and everyday aliases.
 *
 * @param korean  the Korean name, which the reference API returns
 * @param english an English name, when the data has one
 * @param aliases everyday names people type
 */
public record Names(String korean, Optional<String> english, List<String> aliases) {

    /** Checks that the Korean name and every other given name are present and not blank. */
    public Names {
        korean = Texts.requireText(korean, "Korean name");
        english = Objects.requireNonNull(english, "english").map(e -> Texts.requireText(e, "English name"));
        aliases = Texts.requireTexts(aliases, "alias");
    }

    /**
     * Names without an English one.
     *
     * @param korean  the Korean name
     * @param aliases everyday names people type
     * @return the names
     */
    public static Names korean(String korean, String... aliases) {
        return new Names(korean, Optional.empty(), List.of(aliases));
    }

    /**
     * Every spelling of this node: Korean name, English name and aliases.
     *
     * @return the spellings, Korean name first
     */
    public List<String> spellings() {
        List<String> all = new ArrayList<>(aliases.size() + 2);
        all.add(korean);
        english.ifPresent(all::add);
        all.addAll(aliases);
        return all;
    }

    /**
     * True when the text (compared without case or spaces) occurs in any spelling.
     *
     * @param text what a person typed
     * @return whether some spelling contains it
     */
    public boolean mention(String text) {
        String needle = Texts.comparable(text);
        if (needle.isEmpty()) {
            return false;
        }
        return spellings().stream().map(Texts::comparable).anyMatch(s -> s.contains(needle));
    }
}
