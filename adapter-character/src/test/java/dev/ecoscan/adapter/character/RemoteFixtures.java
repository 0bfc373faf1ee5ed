package dev.ecoscan.adapter.character;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Resolution;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Requests, settings and reply bodies the remote adapter's tests share. */
final class RemoteFixtures {

    static final CharacterCatalogue CATALOGUE = KnowledgeBase.embedded().characters();
    static final Character PAPER_PACK = CATALOGUE.byId("paper-pack").orElseThrow();
    static final String TOKEN = "test-service-token-0123456789";
    static final UserId USER = new UserId("5f0c2a1e-7b3d-4c8e-9a61-2d4f6b8e0c13");

    private RemoteFixtures() {}

    static Classification classification(String major, String middle, String item) {
        Resolution resolution = KnowledgeBase.embedded().taxonomy().resolve(CategoryLabels.of(major, middle, item));
        return ((Resolution.Resolved) resolution).classification();
    }

    /** A clean milk carton with its rule found: a scan that earns 팩팩이, due {@code within} from now. */
    static RewardGrant milkCarton(Duration within) {
        return new RewardGrant(
                ScanId.random(),
                USER,
                classification("재활용폐기물", "종이팩", "우유팩"),
                Instant.now().plus(within));
    }

    /** Default-like settings with quick backoff, so that retry tests stay fast. */
    static RemoteCharacterService settings(URI baseUrl) {
        return new RemoteCharacterService(
                baseUrl, TOKEN, Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofMillis(10));
    }

    static RemoteCharacterService settings(URI baseUrl, int maxRetries) {
        return new RemoteCharacterService(
                baseUrl, TOKEN, Duration.ofSeconds(1), Duration.ofSeconds(2), maxRetries, Duration.ofMillis(10));
    }

    /** A breaker that never opens within a test, for tests about something else. */
    static RemoteCircuitBreakerSettings lenientBreaker() {
        return new RemoteCircuitBreakerSettings(100, 100, 100, Duration.ofSeconds(10), 1);
    }

    static String reward(boolean received, boolean alreadyOwned, Character character, String reason) {
        return """
                {"received": %s, "already_owned": %s, "name": "%s", "dialog": "%s", "match_reason": "%s", \
                "character_type": "%s"}""".formatted(received, alreadyOwned, character.name(), character.dialog(), reason, character.type());
    }

    static String notEligible(String reason) {
        return """
                {"received": false, "already_owned": false, "name": null, "dialog": null, "match_reason": "%s", \
                "character_type": null}""".formatted(reason);
    }

    /** What a call returned, and how long it took. */
    record Timed<T>(T value, Duration elapsed) {}

    static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }
}
