package dev.ecoscan.testkit;

import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.port.RewardRequest;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.reward.RewardPolicy;
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
 * Character ownership in memory with the real rules: the character of the item's middle category,
 * at most once per user (an atomic set insert, like the database's unique constraint).
 */
public final class InMemoryRewards implements RewardMatcher {

    private final CharacterCatalogue catalogue;
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    private final List<RewardRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<RewardRequest, Optional<RewardOutcome>> override;

    public InMemoryRewards(CharacterCatalogue catalogue) {
        this(catalogue, request -> Optional.empty());
    }

    private InMemoryRewards(CharacterCatalogue catalogue, Function<RewardRequest, Optional<RewardOutcome>> override) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.override = override;
    }

    /** Rewards that report themselves unavailable, like a database that is down. */
    public static InMemoryRewards unavailable(CharacterCatalogue catalogue, String reason) {
        return new InMemoryRewards(catalogue, request -> Optional.of(new RewardOutcome.Unavailable(reason)));
    }

    /** Rewards whose every call throws: a broken adapter. */
    public static InMemoryRewards throwing(CharacterCatalogue catalogue, RuntimeException error) {
        return new InMemoryRewards(catalogue, request -> {
            throw error;
        });
    }

    @Override
    public RewardOutcome match(RewardRequest request) {
        requests.add(request);
        Optional<RewardOutcome> scripted = override.apply(request);
        if (scripted.isPresent()) {
            return scripted.get();
        }
        Optional<String> notEligible = RewardPolicy.whyNotEligible(request.classification(), request.rulesPresent(),
                request.insufficienciesPresent());
        if (notEligible.isPresent()) {
            return new RewardOutcome.NotEligible(notEligible.get());
        }
        MiddleCategory middle = request.classification().path().middle().orElseThrow();
        Character character = catalogue.forMiddle(middle.id());
        return owned.add(key(request.user(), character))
                ? new RewardOutcome.Granted(character, middle.name())
                : new RewardOutcome.AlreadyOwned(character, middle.name());
    }

    public boolean owns(UserId user, Character character) {
        return owned.contains(key(user, character));
    }

    public List<RewardRequest> requests() {
        return List.copyOf(requests);
    }

    public int calls() {
        return requests.size();
    }

    private static String key(UserId user, Character character) {
        return user.value() + "\u0000" + character.id();
    }
}
