package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.CharacterServiceStub.json;
import static dev.ecoscan.adapter.character.CharacterServiceStub.status;
import static dev.ecoscan.adapter.character.RemoteFixtures.CATALOGUE;
import static dev.ecoscan.adapter.character.RemoteFixtures.PAPER_PACK;
import static dev.ecoscan.adapter.character.RemoteFixtures.TOKEN;
import static dev.ecoscan.adapter.character.RemoteFixtures.USER;
import static dev.ecoscan.adapter.character.RemoteFixtures.lenientBreaker;
import static dev.ecoscan.adapter.character.RemoteFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CollectionUnavailableException;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.scan.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteCharacterCollectionTest {

    private static final Character MASCOT = CATALOGUE.defaultCharacter();

    private final CharacterServiceStub service = new CharacterServiceStub();
    private final RemoteRewardMatcher collection =
            new RemoteRewardMatcher(settings(service.baseUrl()), CATALOGUE, lenientBreaker());

    @AfterEach
    void stop() {
        collection.close();
        service.close();
    }

    @Test
    void the_collection_maps_each_owned_character_to_the_catalogue() {
        service.replies(json(200, """
                [{"name": "%s", "character_type": "%s", "dialog": "%s", "received_at": "2026-11-26T10:00:00Z"},
                 {"name": "%s", "character_type": "%s", "dialog": "%s", "received_at": "2026-11-27T08:30:00Z"}]""".formatted(
                        MASCOT.name(),
                        MASCOT.type(),
                        MASCOT.dialog(),
                        PAPER_PACK.name(),
                        PAPER_PACK.type(),
                        PAPER_PACK.dialog())));

        List<OwnedCharacter> owned = collection.ownedBy(USER);

        assertThat(owned)
                .containsExactly(
                        new OwnedCharacter(MASCOT, Instant.parse("2026-11-26T10:00:00Z")),
                        new OwnedCharacter(PAPER_PACK, Instant.parse("2026-11-27T08:30:00Z")));
    }

    @Test
    void the_collection_is_asked_for_with_a_get_and_the_bearer_token() {
        service.replies(json(200, "[]"));

        assertThat(collection.ownedBy(USER)).isEmpty();

        CharacterServiceStub.Received request = service.last();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/v1/internal/characters/users/" + USER.value());
        assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void a_user_id_is_encoded_as_a_single_path_segment() {
        service.replies(json(200, "[]"));

        collection.ownedBy(new UserId("../admin user/é"));

        assertThat(service.last().path()).isEqualTo("/api/v1/internal/characters/users/%2E%2E%2Fadmin%20user%2F%C3%A9");
    }

    @Test
    void a_collection_out_of_order_is_returned_oldest_first() {
        service.replies(json(200, """
                [{"name": "%s", "character_type": "%s", "received_at": "2026-11-27T08:30:00Z"},
                 {"name": "%s", "character_type": "%s", "received_at": "2026-11-26T10:00:00Z"}]""".formatted(PAPER_PACK.name(), PAPER_PACK.type(), MASCOT.name(), MASCOT.type())));

        assertThat(collection.ownedBy(USER))
                .extracting(OwnedCharacter::character)
                .containsExactly(MASCOT, PAPER_PACK);
    }

    @Test
    void a_failing_service_is_retried_then_the_collection_is_unavailable() {
        service.replies(status(503));

        assertThatThrownBy(() -> collection.ownedBy(USER))
                .isInstanceOf(CollectionUnavailableException.class)
                .hasMessage("the character service failed (HTTP 503) after 3 attempts");
        assertThat(service.attempts()).isEqualTo(3);
    }

    @Test
    void a_stalled_service_makes_the_collection_unavailable_after_the_read_timeouts() {
        service.replies(service.stallBeforeHeaders());
        RemoteCharacterService impatient = new RemoteCharacterService(
                service.baseUrl(), TOKEN, Duration.ofSeconds(1), Duration.ofMillis(200), 1, Duration.ofMillis(10));

        try (RemoteRewardMatcher stalled = new RemoteRewardMatcher(impatient, CATALOGUE, lenientBreaker())) {
            assertThatThrownBy(() -> stalled.ownedBy(USER))
                    .isInstanceOf(CollectionUnavailableException.class)
                    .hasMessageContaining("did not answer in time");
        }
        assertThat(service.attempts()).isEqualTo(2);
    }

    @Test
    void a_collection_that_breaks_the_contract_is_unavailable() {
        service.replies(json(200, "{\"characters\": []}"));

        assertThatThrownBy(() -> collection.ownedBy(USER))
                .isInstanceOf(CollectionUnavailableException.class)
                .hasMessageContaining("could not be read");
    }

    @Test
    void a_refused_token_makes_the_collection_unavailable_without_a_retry() {
        service.replies(status(403));

        assertThatThrownBy(() -> collection.ownedBy(USER))
                .isInstanceOf(CollectionUnavailableException.class)
                .hasMessage("the character service refused eco-scan's service token (HTTP 403)");
        assertThat(service.attempts()).isEqualTo(1);
    }
}
