package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.data.KnowledgeBaseRuleRepository;
import dev.ecoscan.domain.port.RuleRepository;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import jakarta.inject.Singleton;

/** The embedded knowledge base, validated once at start-up, and the rule lookup on it. */
@Module
interface KnowledgeModule {

    @Provides
    @Singleton
    static KnowledgeBase knowledgeBase() {
        return KnowledgeBase.embedded();
    }

    @Provides
    static Taxonomy taxonomy(KnowledgeBase knowledge) {
        return knowledge.taxonomy();
    }

    @Provides
    static CharacterCatalogue characters(KnowledgeBase knowledge) {
        return knowledge.characters();
    }

    @Provides
    @Singleton
    static RuleRepository rules(KnowledgeBase knowledge) {
        return new KnowledgeBaseRuleRepository(knowledge.rules());
    }
}
