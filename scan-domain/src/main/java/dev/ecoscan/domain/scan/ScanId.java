package dev.ecoscan.domain.scan;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one scan; the reference API calls it {@code task_id}.
 *
 * @param value the UUID
 */
public record ScanId(UUID value) {

    /** Checks that the UUID is present. */
    public ScanId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A new id for a new scan.
     *
     * @return a random (version 4) id
     */
    public static ScanId random() {
        return new ScanId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
