package dev.ecoscan.domain.taxonomy;

import java.util.Objects;

/**
 * A kind of an item that is put out differently (a water ice pack, a paper cup-noodle bowl), named
 * so people can search for it and marked by the situation tag a classifier reports for it.
 */
public record ItemVariant(String tag, Names names) {

    public ItemVariant {
        Slugs.require(tag, "variant's situation tag id");
        Objects.requireNonNull(names, "names");
    }
}
