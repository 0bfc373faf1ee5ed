package dev.ecoscan.adapter.character;

import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/**
 * The fields of a reward request on the character service's wire, with the classification as the
 * Korean names the reference system sends.
 *
 * @param middleCategory          empty when the item has no middle category
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

    public CharacterServiceRequest {
        Objects.requireNonNull(user, "user");
        majorCategory = Texts.requireText(majorCategory, "major_category");
        middleCategory =
                Objects.requireNonNull(middleCategory, "middle_category").strip();
        minorCategory = Texts.requireText(minorCategory, "minor_category");
    }

    /**
     * What eco-scan sends for a reward it decided: a grant exists only when a rule was found and no
     * blocking situation tag was seen, so both facts are always reported as such.
     */
    public static CharacterServiceRequest of(RewardGrant grant) {
        CategoryPath path = grant.classification().path();
        return new CharacterServiceRequest(
                grant.user(), path.major().name(), grant.middle().name(), path.itemOrCategoryName(), true, false);
    }
}
