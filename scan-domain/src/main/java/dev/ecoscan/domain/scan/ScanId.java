package dev.ecoscan.domain.scan;

import java.util.Objects;
import java.util.UUID;

/** Identifies one scan; the reference API calls it {@code task_id}. */
public record ScanId(UUID value) {

    public ScanId {
        Objects.requireNonNull(value, "value");
    }

    public static ScanId random() {
        return new ScanId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
