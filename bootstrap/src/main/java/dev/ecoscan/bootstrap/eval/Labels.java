package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the words of a label (an item id, {@code rejected}, tag ids) into an {@link Expected}. */
final class Labels {

    private final Taxonomy taxonomy;
    private final Set<String> visionTags;

    Labels(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.visionTags = taxonomy.visionTags().stream().map(SituationTag::id).collect(Collectors.toSet());
    }

    /**
     * A label a person wrote (a CSV line, a folder name): {@code rejected} or an item id the taxonomy
     * has; anything else is a mistake in the set, named in the error.
     */
    Expected written(String item, String tags, String where) {
        if (item.strip().equals(LabelledSet.REJECTED)) {
            return Expected.rejection();
        }
        CategoryPath path = path(item)
                .orElseThrow(() -> new IllegalArgumentException(
                        where + ": '" + item.strip() + "' is neither an item id of the taxonomy nor 'rejected'"));
        return Expected.item(path, tagIds(tags, where));
    }

    /**
     * A label a sample image carries in its PNG text chunks: an item id the taxonomy lacks stands for
     * an item it does not have (as {@code unknown-gadget.png}'s {@code mystery.gadget}), which a scan
     * should reject.
     */
    Expected carried(String item, String tags, String where) {
        return path(item).map(path -> Expected.item(path, tagIds(tags, where))).orElseGet(Expected::rejection);
    }

    private Optional<CategoryPath> path(String item) {
        try {
            return taxonomy.pathOf(NodeId.of(item.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Tag ids separated by commas, semicolons or spaces; each must be a tag of the taxonomy. Only the
     * tags the vision step is asked for are kept: a model is never asked for the others (they change
     * no advice), so counting them would score the prompt, not the model.
     */
    private Set<String> tagIds(String tags, String where) {
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(tags.split("[,;\\s]+"))
                .filter(tag -> !tag.isEmpty())
                .map(tag -> taxonomy.tag(tag)
                        .orElseThrow(() -> new IllegalArgumentException(
                                where + ": '" + tag + "' is not a situation tag of the taxonomy"))
                        .id())
                .filter(visionTags::contains)
                .forEach(ids::add);
        return ids;
    }
}
