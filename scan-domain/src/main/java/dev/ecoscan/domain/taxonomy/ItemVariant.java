package dev.ecoscan.domain.taxonomy;

import java.util.Objects;

/**
 * A kind of an item that is put out differently (a water ice pack, a paper cup-noodle bowl), named
 * so people can search for it and marked by the situation tag a classifier reports for it.
 *
 * @param tag   the situation tag that marks it
 * @param names its Korean name and aliases, for search
 */
public record ItemVariant(String tag, Names names) {

    /** Checks that both parts are present. */
    public ItemVariant {
        Slugs.require(tag, "variant's situation tag id");
        Objects.requireNonNull(names, "names");
    }
}
