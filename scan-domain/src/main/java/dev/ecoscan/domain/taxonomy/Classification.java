package dev.ecoscan.domain.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A vision result that has been checked against the taxonomy: a real category, the item when eco-scan
 * recognised it, and known situation tags.
 *
 * @param unmatchedName what the classifier called the thing when that name matched no item of the
 *                      category (model output: untrusted, kept short and printable, never shown as advice)
 * @param path      where the item sits in the taxonomy
 * @param situation the situation tags the classifier saw, in its order
 */
public record Classification(CategoryPath path, List<SituationTag> situation, Optional<String> unmatchedName) {

    /** Longer names are cut: the name is a clue for people reading logs, not data. */
    static final int UNMATCHED_NAME_MAX = 40;

    /** Checks the parts and cuts an unmatched name to a short printable clue. */
    public Classification {
        Objects.requireNonNull(path, "path");
        situation = List.copyOf(Objects.requireNonNull(situation, "situation"));
        unmatchedName = Objects.requireNonNull(unmatchedName, "unmatchedName")
                .map(Classification::printable)
                .filter(name -> !name.isEmpty());
        if (unmatchedName.isPresent() && path.item().isPresent()) {
            throw new IllegalArgumentException("a classification with an item has no unmatched name");
        }
    }

    /**
     * A classification whose item, if any, was recognised.
     *
     * @param path      where the item sits in the taxonomy
     * @param situation the situation tags the classifier saw
     */
    public Classification(CategoryPath path, List<SituationTag> situation) {
        this(path, situation, Optional.empty());
    }

    /**
     * The reward gate's first condition: a recyclable major with a middle category.
     *
     * @return true when the reward gate's first condition holds
     */
    public boolean isRecyclableWithMiddle() {
        return path.major().recyclable() && path.middle().isPresent();
    }

    /**
     * The item, when one was recognised.
     *
     * @return the path's item
     */
    public Optional<Item> item() {
        return path.item();
    }

    private static String printable(String text) {
        String cleaned = text.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        return cleaned.codePointCount(0, cleaned.length()) <= UNMATCHED_NAME_MAX
                ? cleaned
                : cleaned.substring(0, cleaned.offsetByCodePoints(0, UNMATCHED_NAME_MAX));
    }
}
