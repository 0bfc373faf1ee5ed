package dev.ecoscan.domain.taxonomy;

import java.util.List;
import java.util.Objects;

/** A vision result that has been checked against the taxonomy: a real item and known situation tags. */
public record Classification(CategoryPath path, List<SituationTag> situation) {

    public Classification {
        Objects.requireNonNull(path, "path");
        situation = List.copyOf(Objects.requireNonNull(situation, "situation"));
    }

    /** The reward gate's first condition: a recyclable major with a middle category. */
    public boolean isRecyclableWithMiddle() {
        return path.major().recyclable() && path.middle().isPresent();
    }

    public Item item() {
        return path.item();
    }
}
