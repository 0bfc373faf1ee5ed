package dev.ecoscan.domain.scan;

/** Why a scan stopped early without anything having broken. */
public enum Rejection {
    /** The image could not be loaded or decoded. */
    UNREADABLE_IMAGE,
    /** The classifier could not say what the item is (blurry, several objects, not waste). */
    UNCLASSIFIABLE,
    /** The classifier named something the taxonomy does not have. */
    OUT_OF_TAXONOMY,
    /** The knowledge base has no rule for the item. */
    NO_MATCHING_RULE
}
