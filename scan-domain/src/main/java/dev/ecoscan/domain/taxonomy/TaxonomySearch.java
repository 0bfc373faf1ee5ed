package dev.ecoscan.domain.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds nodes by what people type: items, middles and majors, by their names, aliases and their
 * variants' names. Spacing and punctuation are ignored, and a name's qualifier in parentheses is
 * optional ("화분" is the name "화분(도자기·토분)"). Hits rank exact name, then alias, then a spelling
 * that contains the text, then a one-letter typo (words of three or more letters only), then a text
 * that contains a whole spelling, so that "헌옷" lands on the clothing category before any item that
 * merely contains the word, and a real word is never taken for a typo of another.
 */
final class TaxonomySearch {

    /** A typo is forgiven only from this length on: in shorter words one letter is the whole word. */
    static final int TYPO_MIN_LENGTH = 3;

    private record Entry(
            TaxonomyNode node,
            Optional<CategoryPath> path,
            Optional<ItemVariant> variant,
            String spelling,
            String key,
            boolean isName,
            int order) {}

    private record Scored(Entry entry, SearchHit.Match match, int tier, int closeness) {}

    private final List<Entry> entries = new ArrayList<>();

    TaxonomySearch(List<MajorCategory> majors, Map<NodeId, CategoryPath> paths) {
        for (MajorCategory major : majors) {
            add(major, Optional.empty());
            for (MiddleCategory middle : major.middles()) {
                add(middle, Optional.empty());
                middle.items().forEach(item -> addItem(item, paths.get(item.id())));
            }
            major.items().forEach(item -> addItem(item, paths.get(item.id())));
        }
    }

    private void addItem(Item item, CategoryPath path) {
        add(item, Optional.of(path));
        for (ItemVariant variant : item.variants()) {
            spellings(variant.names())
                    .forEach((spelling, isName) -> entries.add(new Entry(
                            item,
                            Optional.of(path),
                            Optional.of(variant),
                            spelling,
                            Texts.comparable(spelling),
                            isName,
                            entries.size())));
        }
    }

    /** A name without its parenthesised qualifier: "화분(도자기·토분)" is also just "화분". */
    private static String core(String name) {
        return name.replaceAll("\\s*\\([^)]*\\)\\s*", " ").strip();
    }

    private void add(TaxonomyNode node, Optional<CategoryPath> path) {
        spellings(node.names())
                .forEach((spelling, isName) -> entries.add(new Entry(
                        node, path, Optional.empty(), spelling, Texts.comparable(spelling), isName, entries.size())));
    }

    /** Each spelling, and whether it is a name (Korean or English) rather than an alias. */
    private static Map<String, Boolean> spellings(Names names) {
        Map<String, Boolean> all = new LinkedHashMap<>();
        all.put(names.korean(), true);
        if (!core(names.korean()).isEmpty()) {
            all.putIfAbsent(core(names.korean()), true);
        }
        names.english().ifPresent(english -> all.putIfAbsent(english, true));
        names.aliases().forEach(alias -> all.putIfAbsent(alias, false));
        return all;
    }

    List<SearchHit> find(String text) {
        String query = Texts.comparable(text == null ? "" : text);
        if (query.isEmpty()) {
            return List.of();
        }
        // One hit per node (and variant): the best way the text matched any of its spellings.
        Map<String, Scored> best = new LinkedHashMap<>();
        for (Entry entry : entries) {
            score(entry, query)
                    .ifPresent(scored ->
                            best.merge(identity(entry), scored, (a, b) -> RANK.compare(a, b) <= 0 ? a : b));
        }
        return best.values().stream()
                .sorted(RANK)
                .map(s -> new SearchHit(
                        s.entry().node(),
                        s.entry().path(),
                        s.entry().variant(),
                        s.match(),
                        s.entry().spelling()))
                .toList();
    }

    /**
     * The one item among {@code within} that a classifier's free-text name for a thing means, if it
     * means exactly one; never a guess. The best tier with an item decides: an exact name or alias; a
     * spelling that contains the text, or one a typo away, when only one item has such a spelling
     * ("샴푸" for the item "샴푸 용기", but not "페트병" for any of several PET bottles); a text holding a
     * whole spelling, the longest one, when no other item's spelling is as long ("빈 우유팩" is 우유팩).
     * Several items at the deciding tier make the name ambiguous: no item.
     */
    Optional<SearchHit> identify(String text, Set<NodeId> within) {
        String query = Texts.comparable(text == null ? "" : text);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        List<Scored> candidates = entries.stream()
                .filter(entry ->
                        entry.path().isPresent() && within.contains(entry.node().id()))
                .flatMap(entry -> score(entry, query).stream())
                .sorted(RANK)
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int tier = candidates.get(0).tier();
        List<Scored> deciding =
                candidates.stream().filter(s -> s.tier() == tier).toList();
        if (tier == 4) {
            // The longest spelling held in the text: closeness is what is left over around it.
            int closest = deciding.get(0).closeness();
            deciding = deciding.stream().filter(s -> s.closeness() == closest).toList();
        }
        Scored best = deciding.get(0);
        Optional<ItemVariant> variant = best.entry().variant();
        if (tier > 1
                && deciding.stream().map(s -> identity(s.entry())).distinct().count() > 1) {
            if (deciding.stream().map(s -> s.entry().node().id()).distinct().count() > 1) {
                return Optional.empty();
            }
            // One item, several of its variants ("컵라면" in both bowls' names): the item, no variant.
            variant = Optional.empty();
        }
        return Optional.of(new SearchHit(
                best.entry().node(),
                best.entry().path(),
                variant,
                best.match(),
                best.entry().spelling()));
    }

    private static String identity(Entry entry) {
        return entry.node().id().value()
                + entry.variant().map(v -> "#" + v.tag()).orElse("");
    }

    // Within a tier a name beats an alias ("두부" is the tofu item's name before a litter's alias),
    // then the closer spelling, then the taxonomy's order.
    private static final Comparator<Scored> RANK = Comparator.comparingInt(Scored::tier)
            .thenComparing(s -> !s.entry().isName())
            .thenComparingInt(Scored::closeness)
            .thenComparingInt(s -> s.entry().order());

    private static Optional<Scored> score(Entry entry, String query) {
        String key = entry.key();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (key.equals(query)) {
            return Optional.of(new Scored(
                    entry, entry.isName() ? SearchHit.Match.NAME : SearchHit.Match.ALIAS, entry.isName() ? 0 : 1, 0));
        }
        if (key.contains(query)) {
            // "페트병" in "투명 페트병" is closer than in "먹는샘물 페트병 라벨": fewer letters left over.
            return Optional.of(new Scored(entry, SearchHit.Match.PARTIAL, 2, key.length() - query.length()));
        }
        if (query.length() >= TYPO_MIN_LENGTH && key.length() >= TYPO_MIN_LENGTH && withinOneEdit(query, key)) {
            return Optional.of(new Scored(entry, SearchHit.Match.TYPO, 3, 0));
        }
        if (key.length() >= 2 && query.contains(key)) {
            // The text holds a whole spelling ("남은 김치찌개" holds "김치찌개"): the longer that spelling, the better.
            return Optional.of(new Scored(entry, SearchHit.Match.PARTIAL, 4, query.length() - key.length()));
        }
        return Optional.empty();
    }

    /** True when one insertion, deletion or substitution turns one text into the other. */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < shorter.length() && j < longer.length()) {
            if (shorter.charAt(i) == longer.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (edited) {
                return false;
            }
            edited = true;
            if (shorter.length() == longer.length()) {
                i++;
            }
            j++;
        }
        return true;
    }
}
