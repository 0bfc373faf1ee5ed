package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.character.CharacterDatabase;
import dev.ecoscan.adapter.character.JdbcRewardMatcher;
import dev.ecoscan.adapter.character.RemoteCharacterService;
import dev.ecoscan.adapter.character.RemoteCircuitBreakerSettings;
import dev.ecoscan.adapter.character.RemoteRewardMatcher;
import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
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
            Settings settings,
            Resources resources,
            CharacterCatalogue catalogue,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        if (settings.text(Setting.ECO_SCAN_REWARDS, "db").equals("remote")) {
            URI url = URI.create(settings.value(Setting.ECO_SCAN_CHARACTER_URL)
                    .orElseThrow(() -> new SettingsException("ECO_SCAN_REWARDS=remote needs ECO_SCAN_CHARACTER_URL")));
            String token = settings.value(Setting.ECO_SCAN_SERVICE_TOKEN)
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
        CharacterDatabase database = resources.register(settings.value(Setting.ECO_SCAN_DB_URL)
                .map(url -> CharacterDatabase.external(
                        url,
                        settings.text(Setting.ECO_SCAN_DB_USER, ""),
                        settings.text(Setting.ECO_SCAN_DB_PASSWORD, "")))
                .orElseGet(
                        () -> CharacterDatabase.embedded(Path.of(settings.text(Setting.ECO_SCAN_DATA_DIR, "data")))));
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
