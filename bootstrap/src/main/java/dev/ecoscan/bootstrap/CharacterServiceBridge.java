package dev.ecoscan.bootstrap;

import dev.ecoscan.adapter.character.CharacterServiceJson;
import dev.ecoscan.adapter.character.CharacterServiceRequest;
import dev.ecoscan.adapter.http.CharacterService;
import dev.ecoscan.bootstrap.wiring.Rewards;
import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.reward.RewardDecision;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.reward.RewardPolicy;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP adapter's character routes, done with the rewards adapter's store and wire format: so
 * one eco-scan can be the character service of another, and both speak exactly the same JSON.
 */
final class CharacterServiceBridge implements CharacterService {

    /** A character service call is a database write; it must not hold its caller longer than this. */
    private static final Duration GRANT_DEADLINE = Duration.ofSeconds(5);

    private final Rewards rewards;
    private final Taxonomy taxonomy;
    private final Clock clock;

    CharacterServiceBridge(Rewards rewards, Taxonomy taxonomy, Clock clock) {
        this.rewards = rewards;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @Override
    public byte[] reward(byte[] requestBody) {
        CharacterServiceRequest request =
                CharacterServiceJson.readRewardRequest(new String(requestBody, StandardCharsets.UTF_8));
        CategoryLabels labels = new CategoryLabels(
                request.majorCategory(), Optional.of(request.middleCategory()), request.minorCategory(), List.of());
        if (!(taxonomy.resolve(labels) instanceof Resolution.Resolved resolved)) {
            throw new IllegalArgumentException("the classification is not in the taxonomy");
        }
        Classification classification = resolved.classification();
        // The calling eco-scan reports what it established: a rule found, and blocking situation tags
        // seen (the wire's insufficiencies_present). The policy is the same as in a scan.
        RewardOutcome outcome = switch (RewardPolicy.decideReported(
                classification, request.disposalRulesPresent(), request.insufficienciesPresent())) {
            case RewardDecision.NotEligible notEligible -> notEligible.outcome();
            case RewardDecision.Eligible eligible ->
                rewards.matcher()
                        .match(new RewardGrant(
                                ScanId.random(),
                                request.user(),
                                eligible.classification(),
                                clock.instant().plus(GRANT_DEADLINE)));
        };
        if (outcome instanceof RewardOutcome.Unavailable unavailable) {
            throw new CharacterCollection.CollectionUnavailableException(unavailable.reason(), null);
        }
        return CharacterServiceJson.writeReward(outcome).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] owned(UserId user) {
        return CharacterServiceJson.writeOwned(rewards.collection().ownedBy(user))
                .getBytes(StandardCharsets.UTF_8);
    }
}
