package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.Classification;
import java.util.Objects;

/** Input of the rule lookup. */
public record RuleLookup(ScanId scanId, Classification classification) {

    public RuleLookup {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(classification, "classification");
    }
}
