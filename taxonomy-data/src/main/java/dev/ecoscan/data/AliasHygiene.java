package dev.ecoscan.data;

import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps aliases useful for search, checked as taxonomy.yaml is read:
 * <ul>
 *   <li>a spelling (name or alias, ignoring spacing and punctuation) belongs to one node only, or a
 *       search for it could not say which one was meant;</li>
 *   <li>an item's alias is not part of its own name: a search for the part finds the name anyway, so
 *       the alias adds nothing but noise;</li>
 *   <li>a one-syllable alias ("밥", "옷") is allowed only when listed in {@code one_syllable_aliases}:
 *       a single syllable is part of many words, so each one is a decision, not an accident.</li>
 * </ul>
 */
final class AliasHygiene {

    static final String ALLOW_LIST = "one_syllable_aliases";

    private record Owner(NodeId node, String where) {}

    private final Map<String, Owner> owners = new HashMap<>();
    private final Set<String> oneSyllableAllowed;
    private final Set<String> oneSyllableUsed = new HashSet<>();

    AliasHygiene(List<String> oneSyllableAllowed) {
        this.oneSyllableAllowed = new HashSet<>();
        oneSyllableAllowed.forEach(alias -> this.oneSyllableAllowed.add(Texts.comparable(alias)));
    }

    /** Checks one node's (or variant's) spellings; {@code itemName} is set for items and variants. */
    void check(YamlEntry entry, NodeId node, Names names, boolean isItem) {
        for (String spelling : names.spellings()) {
            String key = Texts.comparable(spelling);
            Owner owner = owners.putIfAbsent(key, new Owner(node, entry.label()));
            if (owner != null && !owner.node().equals(node)) {
                throw entry.error("the spelling '" + spelling + "' is also used by '" + owner.node() + "' at "
                        + owner.where() + "; a search for it must find one thing");
            }
        }
        String name = Texts.comparable(names.korean());
        for (String alias : names.aliases()) {
            String key = Texts.comparable(alias);
            if (isItem && name.contains(key)) {
                throw entry.error("the alias '" + alias + "' is part of the name '" + names.korean()
                        + "', so it finds nothing the name does not; remove it");
            }
            if (key.codePointCount(0, key.length()) == 1) {
                if (!oneSyllableAllowed.contains(key)) {
                    throw entry.error("the one-syllable alias '" + alias + "' is part of too many words to search by;"
                            + " remove it or list it in " + ALLOW_LIST);
                }
                oneSyllableUsed.add(key);
            }
        }
    }

    /** After every node: an allowed one-syllable alias nobody uses is a stale decision. */
    void finish(YamlEntry root) {
        Set<String> unused = new HashSet<>(oneSyllableAllowed);
        unused.removeAll(oneSyllableUsed);
        if (!unused.isEmpty()) {
            throw root.error("'" + ALLOW_LIST + "' lists " + unused + ", which no node uses as an alias");
        }
    }
}
