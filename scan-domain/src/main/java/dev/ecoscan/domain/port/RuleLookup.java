package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.Classification;
import java.util.Objects;

/**
 * Input of the rule lookup.
 *
 * @param scanId         the scan the rule is looked up for
 * @param classification the item whose rule is wanted
 */
public record RuleLookup(ScanId scanId, Classification classification) {

    /** Checks that both parts are present. */
    public RuleLookup {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(classification, "classification");
    }
}
