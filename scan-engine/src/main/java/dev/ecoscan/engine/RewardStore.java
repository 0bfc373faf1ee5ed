package dev.ecoscan.engine;

import dev.ecoscan.adapter.character.CharacterDatabase;
import dev.ecoscan.adapter.character.JdbcRewardMatcher;
import dev.ecoscan.adapter.character.RemoteCharacterService;
import dev.ecoscan.adapter.character.RemoteRewardMatcher;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/** Where the engine keeps the characters scans earn: nowhere, on the caller's database, or at a character service. */
sealed interface RewardStore {

    /** The matcher on this store; what it opens is registered with {@code resources}. */
    RewardMatcher open(CharacterCatalogue catalogue, Clock clock, OpenResources resources);

    /** No store: a decided reward is reported as unavailable. */
    record None() implements RewardStore {
        @Override
        public RewardMatcher open(CharacterCatalogue catalogue, Clock clock, OpenResources resources) {
            return RewardMatcher.none();
        }
    }

    /** The caller's database, migrated at start-up (Flyway, its own history table) and never closed by eco-scan. */
    record OnDataSource(DataSource dataSource) implements RewardStore {
        public OnDataSource {
            Objects.requireNonNull(dataSource, "dataSource");
        }

        @Override
        public RewardMatcher open(CharacterCatalogue catalogue, Clock clock, OpenResources resources) {
            CharacterDatabase database = resources.register(CharacterDatabase.on(dataSource));
            return new JdbcRewardMatcher(database, catalogue, clock);
        }
    }

    /** A character service, with the service's token, its default timeouts, retries and breaker. */
    record Remote(URI url, String serviceToken) implements RewardStore {
        public Remote {
            Objects.requireNonNull(url, "url");
            if (Objects.requireNonNull(serviceToken, "serviceToken").isBlank()) {
                throw new IllegalArgumentException("the character service needs its service token");
            }
        }

        @Override
        public RewardMatcher open(CharacterCatalogue catalogue, Clock clock, OpenResources resources) {
            return resources.register(
                    new RemoteRewardMatcher(RemoteCharacterService.withDefaults(url, serviceToken), catalogue));
        }

        @Override
        public String toString() {
            return "Remote[" + url + "]";
        }
    }
}
