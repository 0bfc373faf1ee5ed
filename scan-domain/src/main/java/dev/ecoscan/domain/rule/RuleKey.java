package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Texts;

/**
 * The key of a disposal rule as the reference API shows it: {@code 재활용폐기물_무색페트병} for a
 * recyclable middle, the major's name alone otherwise.
 *
 * @param value the key as the reference API writes it
 */
public record RuleKey(String value) {

    /** Checks that the key is present. */
    public RuleKey {
        value = Texts.requireText(value, "rule key");
    }

    /**
     * The key of the rule for a category path.
     *
     * @param path the classified path
     * @return the recyclable middle's key, or the major's name
     */
    public static RuleKey of(CategoryPath path) {
        return new RuleKey(
                path.major().name() + path.middle().map(m -> "_" + m.name()).orElse(""));
    }

    @Override
    public String toString() {
        return value;
    }
}
