package dev.ecoscan.adapter.metrics;

import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanOutcome;
import java.util.Locale;
import java.util.Optional;

/**
 * How a scan ended, as label values from closed sets (never a detail message or an item name), so
 * the number of series stays fixed.
 *
 * @param outcome {@code completed}, {@code rejected} or {@code failed}
 * @param reason  the reward kind, the rejection or the failure kind, in lower case
 */
record ScanLabels(String outcome, String reason) {

    static ScanLabels of(ScanOutcome scan) {
        return switch (scan) {
            case ScanOutcome.Completed completed -> new ScanLabels("completed", rewardKind(completed.reward()));
            case ScanOutcome.Rejected rejected -> new ScanLabels("rejected", lowerCase(rejected.reason()));
            case ScanOutcome.Failed failed -> new ScanLabels("failed", lowerCase(failed.kind()));
        };
    }

    static String rewardKind(RewardOutcome reward) {
        return switch (reward) {
            case RewardOutcome.Granted granted -> "granted";
            case RewardOutcome.AlreadyOwned alreadyOwned -> "already_owned";
            case RewardOutcome.NotEligible notEligible -> "not_eligible";
            case RewardOutcome.Unavailable unavailable -> "unavailable";
        };
    }

    /** The reward kind, for completed scans only: no other scan reached the reward step's decision. */
    Optional<String> reward() {
        return outcome.equals("completed") ? Optional.of(reason) : Optional.empty();
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
