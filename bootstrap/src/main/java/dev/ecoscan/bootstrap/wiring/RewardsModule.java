package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.character.CharacterDatabase;
import dev.ecoscan.adapter.character.JdbcRewardMatcher;
import dev.ecoscan.adapter.character.RemoteCharacterService;
import dev.ecoscan.adapter.character.RemoteCircuitBreakerSettings;
import dev.ecoscan.adapter.character.RemoteRewardMatcher;
import dev.ecoscan.bootstrap.config.RewardSettings;
import dev.ecoscan.bootstrap.config.SettingsException;
import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;

/**
 * Rewards by {@code ECO_SCAN_REWARDS}: {@code db} keeps them in the embedded H2 under
 * {@code ECO_SCAN_DATA_DIR}, or in PostgreSQL when {@code ECO_SCAN_DB_URL} is set; {@code remote} asks
 * a character service at {@code ECO_SCAN_CHARACTER_URL} with {@code ECO_SCAN_SERVICE_TOKEN}.
 */
@Module
interface RewardsModule {

    @Provides
    @Singleton
    static Rewards rewards(
            RewardSettings settings,
            Resources resources,
            CharacterCatalogue catalogue,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        if (settings.remote()) {
            URI url = settings.characterUrl()
                    .orElseThrow(() -> new SettingsException("ECO_SCAN_REWARDS=remote needs ECO_SCAN_CHARACTER_URL"));
            String token = settings.serviceToken()
                    .orElseThrow(() -> new SettingsException("ECO_SCAN_REWARDS=remote needs ECO_SCAN_SERVICE_TOKEN"));
            // The shared registries, so that the metrics export the character service's breaker and retry too.
            RemoteRewardMatcher remote = resources.register(new RemoteRewardMatcher(
                    RemoteCharacterService.withDefaults(url, token),
                    catalogue,
                    RemoteCircuitBreakerSettings.standard(),
                    breakers,
                    retries));
            return new Rewards(remote, remote, "the character service at " + url);
        }
        CharacterDatabase database = resources.register(settings.dbUrl()
                .map(url -> CharacterDatabase.external(
                        url, settings.dbUser().orElse(""), settings.dbPassword().orElse("")))
                .orElseGet(() -> CharacterDatabase.embedded(settings.dataDir())));
        JdbcRewardMatcher jdbc = new JdbcRewardMatcher(database, catalogue, clock);
        return new Rewards(jdbc, jdbc, database.description());
    }

    @Provides
    static RewardMatcher matcher(Rewards rewards) {
        return rewards.matcher();
    }

    @Provides
    static CharacterCollection collection(Rewards rewards) {
        return rewards.collection();
    }
}
