package dev.ecoscan.support.characters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.scan.UserId;
import org.junit.jupiter.api.Test;

class CharacterServiceRoutesTest {

    @Test
    void a_plain_user_id_is_appended_as_it_is() {
        assertThat(CharacterServiceRoutes.collectionOf(new UserId("u-1_a~b")))
                .isEqualTo("/api/v1/internal/characters/users/u-1_a~b");
    }

    @Test
    void a_user_id_stays_one_path_segment_whatever_it_holds() {
        assertThat(CharacterServiceRoutes.collectionOf(new UserId("../admin user/é")))
                .isEqualTo("/api/v1/internal/characters/users/%2E%2E%2Fadmin%20user%2F%C3%A9");
    }
}
