package dev.ecoscan.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.ecoscan.application.characters.GrantRewardService;
import dev.ecoscan.application.characters.ListCharactersService;
import dev.ecoscan.application.port.GrantReward;
import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.time.Clock;

/**
 * The character in-ports, each bound to its use case. The services are built here rather than
 * injected, because the application carries no annotations.
 */
@Module
interface InPortsModule {

    @Binds
    GrantReward grantReward(GrantRewardService service);

    @Binds
    ListCharacters listCharacters(ListCharactersService service);

    @Provides
    static GrantRewardService grantRewardService(Taxonomy taxonomy, RewardMatcher matcher, Clock clock) {
        return new GrantRewardService(taxonomy, matcher, clock);
    }

    @Provides
    static ListCharactersService listCharactersService(CharacterCollection collection) {
        return new ListCharactersService(collection);
    }
}
