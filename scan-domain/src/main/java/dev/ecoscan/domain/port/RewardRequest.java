package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.Classification;
import java.time.Instant;
import java.util.Objects;

/** Input of reward matching; mirrors the character service's request in the reference system. */
public record RewardRequest(ScanId scanId, UserId user, Classification classification, boolean rulesPresent,
                            boolean insufficienciesPresent, Instant deadline) {

    public RewardRequest {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(deadline, "deadline");
    }
}
