package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.support.characters.CharacterServiceRequest;
import dev.ecoscan.support.characters.RewardRequestJson;
import dev.ecoscan.testkit.ScanTestKit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The character routes: the user's own list, and the internal routes behind the service token. */
class CharacterRoutesTest {

    private ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(ScanTestKit.pipeline().build(), 10);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_user_lists_their_own_characters() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri(CharacterRoutes.MINE.path()))
                .header("Cookie", "s_access=" + ApiFixture.token())
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        assertThat(api.characterCalls).containsExactly("owned " + ApiFixture.USER);
    }

    @Test
    void the_internal_reward_route_needs_the_service_token_and_grants_the_claim_in_the_wire_format() {
        String body = RewardRequestJson.write(new CharacterServiceRequest(
                new UserId(ApiFixture.USER.toString()), "재활용폐기물", "종이팩", "우유팩", true, false));
        HttpResponse<String> without = api.send(internal(body, null));
        HttpResponse<String> wrong = api.send(internal(body, "Bearer not-the-token"));
        HttpResponse<String> userCookie =
                api.send(internal(body, null).header("Cookie", "s_access=" + ApiFixture.token()));
        HttpResponse<String> right = api.send(internal(body, "Bearer " + ApiFixture.SERVICE_TOKEN));

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(userCookie.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(ApiFixture.json(right).path("received").asBoolean()).isTrue();
        assertThat(ApiFixture.json(right).path("match_reason").asText()).isEqualTo("우유팩");
        assertThat(api.characterCalls).containsExactly("reward " + ApiFixture.USER + " 우유팩");
    }

    @Test
    void a_bad_internal_request_is_400_and_never_reaches_the_use_case() {
        HttpResponse<String> empty = api.send(internal("{}", "Bearer " + ApiFixture.SERVICE_TOKEN));
        HttpResponse<String> noUser = api.send(internal(
                "{\"classification\":{\"major_category\":\"재활용폐기물\",\"minor_category\":\"우유팩\"},"
                        + "\"disposal_rules_present\":true,\"insufficiencies_present\":false}",
                "Bearer " + ApiFixture.SERVICE_TOKEN));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(empty).path("code").asText()).isEqualTo("invalid_request");
        assertThat(noUser.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(noUser).path("detail").asText()).contains("user_id");
        assertThat(api.characterCalls).isEmpty();
    }

    @Test
    void the_internal_list_takes_a_uuid() {
        HttpResponse<String> bad = api.send(HttpRequest.newBuilder(api.uri("/api/v1/internal/characters/users/bob"))
                .header("Authorization", "Bearer " + ApiFixture.SERVICE_TOKEN)
                .GET());
        HttpResponse<String> good =
                api.send(HttpRequest.newBuilder(api.uri("/api/v1/internal/characters/users/" + ApiFixture.USER))
                        .header("Authorization", "Bearer " + ApiFixture.SERVICE_TOKEN)
                        .GET());

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(good.statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder internal(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(InternalCharacterRoutes.REWARDS.path()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }
}
