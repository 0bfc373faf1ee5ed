package dev.ecoscan.testkit;

import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Character ownership in memory with the real grant rules: the character of the grant's middle
 * category, at most once per user (an atomic set insert, like the database's unique constraint).
 * Like every matcher, it grants what the pipeline already decided; {@link #grants()} shows what that was.
 */
public final class InMemoryRewards implements RewardMatcher {

    private final CharacterCatalogue catalogue;
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    private final List<RewardGrant> grants = new CopyOnWriteArrayList<>();
    private final Function<RewardGrant, Optional<RewardOutcome>> override;

    /**
     * Rewards over these characters, with nobody owning any yet.
     *
     * @param catalogue the characters there are
     */
    public InMemoryRewards(CharacterCatalogue catalogue) {
        this(catalogue, grant -> Optional.empty());
    }

    private InMemoryRewards(CharacterCatalogue catalogue, Function<RewardGrant, Optional<RewardOutcome>> override) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.override = override;
    }

    /**
     * Rewards that report themselves unavailable, like a database that is down.
     *
     * @param catalogue the characters there are
     * @param reason    what the outage says
     * @return rewards that answer every grant with {@link dev.ecoscan.domain.reward.RewardOutcome.Unavailable}
     */
    public static InMemoryRewards unavailable(CharacterCatalogue catalogue, String reason) {
        return new InMemoryRewards(catalogue, grant -> Optional.of(new RewardOutcome.Unavailable(reason)));
    }

    /**
     * Rewards whose every call throws: a broken adapter.
     *
     * @param catalogue the characters there are
     * @param error     what every call throws
     * @return rewards that throw
     */
    public static InMemoryRewards throwing(CharacterCatalogue catalogue, RuntimeException error) {
        return new InMemoryRewards(catalogue, grant -> {
            throw error;
        });
    }

    @Override
    public RewardOutcome match(RewardGrant grant) {
        grants.add(grant);
        Optional<RewardOutcome> scripted = override.apply(grant);
        if (scripted.isPresent()) {
            return scripted.get();
        }
        MiddleCategory middle = grant.middle();
        Character character = catalogue.forMiddle(middle.id());
        return owned.add(key(grant.user(), character))
                ? new RewardOutcome.Granted(character, middle.name())
                : new RewardOutcome.AlreadyOwned(character, middle.name());
    }

    /**
     * Whether a user owns a character here.
     *
     * @param user      the person
     * @param character the character
     * @return true once it was granted to them
     */
    public boolean owns(UserId user, Character character) {
        return owned.contains(key(user, character));
    }

    /**
     * Every grant the pipeline asked for, in order.
     *
     * @return the grants, in order
     */
    public List<RewardGrant> grants() {
        return List.copyOf(grants);
    }

    /**
     * How many times the pipeline asked for a reward.
     *
     * @return the number of grants asked for
     */
    public int calls() {
        return grants.size();
    }

    private static String key(UserId user, Character character) {
        return user.value() + "\u0000" + character.id();
    }
}
