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
 */
public record Classification(CategoryPath path, List<SituationTag> situation, Optional<String> unmatchedName) {

    /** Longer names are cut: the name is a clue for people reading logs, not data. */
    static final int UNMATCHED_NAME_MAX = 40;

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

    public Classification(CategoryPath path, List<SituationTag> situation) {
        this(path, situation, Optional.empty());
    }

    /** The reward gate's first condition: a recyclable major with a middle category. */
    public boolean isRecyclableWithMiddle() {
        return path.major().recyclable() && path.middle().isPresent();
    }

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
