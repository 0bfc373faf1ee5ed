package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Texts;

/**
 * The key of a disposal rule as the reference API shows it: {@code 재활용폐기물_무색페트병} for a
 * recyclable middle, the major's name alone otherwise.
 */
public record RuleKey(String value) {

    public RuleKey {
        value = Texts.requireText(value, "rule key");
    }

    public static RuleKey of(CategoryPath path) {
        return new RuleKey(
                path.major().name() + path.middle().map(m -> "_" + m.name()).orElse(""));
    }

    @Override
    public String toString() {
        return value;
    }
}
