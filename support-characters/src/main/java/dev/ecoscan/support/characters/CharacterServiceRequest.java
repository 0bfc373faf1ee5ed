package dev.ecoscan.support.characters;

import dev.ecoscan.application.port.RewardClaim;
import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a reward request on the character service's wire, with the classification as the
 * Korean names the reference system sends.
 *
 * @param user                    the person to grant the reward to
 * @param majorCategory           the major category's Korean name
 * @param middleCategory          empty when the item has no middle category
 * @param minorCategory           the item's Korean name, or the category's when no item was recognised
 * @param disposalRulesPresent    the caller found a disposal rule for the item
 * @param insufficienciesPresent  the caller saw situation tags that block the reward (the reference
 *                                system's name; it no longer means the answer model's insufficiencies)
 */
public record CharacterServiceRequest(
        UserId user,
        String majorCategory,
        String middleCategory,
        String minorCategory,
        boolean disposalRulesPresent,
        boolean insufficienciesPresent) {

    /** Every grant was decided with its disposal rule found ({@code disposal_rules_present}). */
    private static final boolean GRANTS_HAVE_A_RULE = true;

    /** No grant was decided with a blocking situation tag in sight ({@code insufficiencies_present}). */
    private static final boolean GRANTS_HAVE_A_BLOCKING_TAG = false;

    /** Checks the user and the names, and strips the middle category. */
    public CharacterServiceRequest {
        Objects.requireNonNull(user, "user");
        majorCategory = Texts.requireText(majorCategory, "major_category");
        middleCategory =
                Objects.requireNonNull(middleCategory, "middle_category").strip();
        minorCategory = Texts.requireText(minorCategory, "minor_category");
    }

    /**
     * What eco-scan sends for a reward it decided. The wire's two booleans are the facts the reference
     * system decided from; eco-scan decides before it calls, and makes a {@link RewardGrant} only for a
     * scan whose rule was found and that showed no blocking situation tag. So both follow from the grant,
     * and this is the one place they are derived: no matcher judges the grant again.
     *
     * @param grant the decided reward
     * @return the request that sends it
     */
    public static CharacterServiceRequest of(RewardGrant grant) {
        CategoryPath path = grant.classification().path();
        return new CharacterServiceRequest(
                grant.user(),
                path.major().name(),
                grant.middle().name(),
                path.itemOrCategoryName(),
                GRANTS_HAVE_A_RULE,
                GRANTS_HAVE_A_BLOCKING_TAG);
    }

    /**
     * The claim a received request makes, for the {@code GrantReward} in-port: the Korean names as labels
     * (resolved against this taxonomy there; an empty middle is none), the two wire booleans as the facts
     * the caller reports. No situation tags travel on the wire.
     *
     * @return the claim the reward use case judges
     */
    public RewardClaim toClaim() {
        CategoryLabels labels =
                new CategoryLabels(majorCategory, Optional.of(middleCategory), minorCategory, List.of());
        return new RewardClaim(user, labels, disposalRulesPresent, insufficienciesPresent);
    }
}
