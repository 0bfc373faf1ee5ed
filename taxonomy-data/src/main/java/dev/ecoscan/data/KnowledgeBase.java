package dev.ecoscan.data;

import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.rule.Guide;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.Objects;

/**
 * Everything the scan knows: the taxonomy with its tags, the disposal rules and the characters.
 *
 * @param taxonomy   the categories, items and situation tags
 * @param rules      the disposal rule of every rule node
 * @param characters the characters scans can earn
 */
public record KnowledgeBase(Taxonomy taxonomy, RuleBook rules, CharacterCatalogue characters) {

    /** Checks that every part is present. */
    public KnowledgeBase {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(characters, "characters");
    }

    /**
     * Text search over the taxonomy, each hit with its advice from these rules.
     *
     * @return a guide over this taxonomy and these rules
     */
    public Guide guide() {
        return new Guide(taxonomy, rules::forNode);
    }

    /**
     * The knowledge base shipped in this module, validated; cached since it never changes.
     *
     * @return the bundled knowledge base
     */
    public static KnowledgeBase embedded() {
        return Embedded.INSTANCE;
    }

    private static final class Embedded {
        static final KnowledgeBase INSTANCE =
                KnowledgeBaseLoader.fromClasspath().load();
    }
}
