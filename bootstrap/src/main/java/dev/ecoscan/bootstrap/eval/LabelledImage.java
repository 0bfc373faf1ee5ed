package dev.ecoscan.bootstrap.eval;

import java.nio.file.Path;
import java.util.Objects;

/** One image of a set and what it should give. */
public record LabelledImage(Path path, Expected expected) {

    public LabelledImage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
    }
}
