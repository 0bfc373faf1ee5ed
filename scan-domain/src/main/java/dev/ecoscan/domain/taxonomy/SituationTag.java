package dev.ecoscan.domain.taxonomy;

import java.util.Objects;
import java.util.Optional;

/**
 * A situation the vision step can see on an item ("비닐_라벨_부착": a label is still on).
 *
 * @param id     stable identifier
 * @param label  the Korean label the model returns and the API shows
 * @param group  the group it belongs to (contents, labels, material, ...)
 * @param advice what the person must still do before disposal, when the situation needs action;
 *               empty for neutral situations. Answers without an LLM are built from it.
 */
public record SituationTag(String id, String label, String group, Optional<String> advice) {

    /** Checks the id, label and group, and the advice when there is one. */
    public SituationTag {
        Slugs.require(id, "situation tag id");
        label = Texts.requireText(label, "situation tag label");
        Slugs.require(group, "situation tag group");
        advice = Objects.requireNonNull(advice, "advice").map(a -> Texts.requireText(a, "situation tag advice"));
    }

    /**
     * True when the person must still act on the item before it can be put out.
     *
     * @return true when the tag has advice
     */
    public boolean needsAction() {
        return advice.isPresent();
    }
}
