package dev.ecoscan.adapter.character;

import dev.ecoscan.domain.port.RewardRequest;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/**
 * The fields of a reward request on the character service's wire, with the classification as the
 * Korean names the reference system sends.
 *
 * @param middleCategory empty when the item has no middle category
 */
public record CharacterServiceRequest(UserId user, String majorCategory, String middleCategory, String minorCategory,
                                      boolean disposalRulesPresent, boolean insufficienciesPresent) {

    public CharacterServiceRequest {
        Objects.requireNonNull(user, "user");
        majorCategory = Texts.requireText(majorCategory, "major_category");
        middleCategory = Objects.requireNonNull(middleCategory, "middle_category").strip();
        minorCategory = Texts.requireText(minorCategory, "minor_category");
    }

    /** What eco-scan sends for a scan's reward request. */
    public static CharacterServiceRequest of(RewardRequest request) {
        CategoryPath path = request.classification().path();
        return new CharacterServiceRequest(request.user(), path.major().name(),
                path.middle().map(middle -> middle.name()).orElse(""), path.item().name(), request.rulesPresent(),
                request.insufficienciesPresent());
    }
}
