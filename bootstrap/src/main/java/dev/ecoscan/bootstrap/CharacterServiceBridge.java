package dev.ecoscan.bootstrap;

import dev.ecoscan.adapter.http.CharacterService;
import dev.ecoscan.application.characters.GrantRewardService;
import dev.ecoscan.application.characters.ListCharactersService;
import dev.ecoscan.application.port.GrantReward;
import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.bootstrap.wiring.Rewards;
import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.support.characters.CollectionJson;
import dev.ecoscan.support.characters.RewardJson;
import dev.ecoscan.support.characters.RewardRequestJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The HTTP adapter's character routes over the character use cases, in the character service's wire
 * format: so one eco-scan can be the character service of another, and both speak exactly the same JSON.
 */
final class CharacterServiceBridge implements CharacterService {

    private final GrantReward grantReward;
    private final ListCharacters listCharacters;

    CharacterServiceBridge(Rewards rewards, Taxonomy taxonomy, Clock clock) {
        this.grantReward = new GrantRewardService(taxonomy, rewards.matcher(), clock);
        this.listCharacters = new ListCharactersService(rewards.collection());
    }

    @Override
    public byte[] reward(byte[] requestBody) {
        RewardOutcome outcome =
                grantReward.grant(RewardRequestJson.read(new String(requestBody, StandardCharsets.UTF_8))
                        .toClaim());
        if (outcome instanceof RewardOutcome.Unavailable unavailable) {
            throw new CharacterCollection.CollectionUnavailableException(unavailable.reason(), null);
        }
        return RewardJson.write(outcome).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] owned(UserId user) {
        return CollectionJson.write(listCharacters.ownedBy(user)).getBytes(StandardCharsets.UTF_8);
    }
}
