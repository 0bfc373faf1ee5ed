package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.testkit.ScanTestKit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gateway mode trusts x-user-id only on a request that carries the gateway's shared secret. */
class GatewayAuthTest {

    private static final String GATEWAY_SECRET = "gateway-shared-secret-for-tests";
    private static final String USER = "0b6c9e3a-1d2f-4a5b-8c7d-9e0f1a2b3c4d";

    private final ApiFixture api = new ApiFixture(
            ScanTestKit.pipeline().build(), new AuthSettings(AuthSettings.Mode.GATEWAY, GATEWAY_SECRET, null, null));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void the_gateways_secret_and_one_user_id_authenticate_the_user() {
        HttpResponse<String> response = characters(GATEWAY_SECRET, USER);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void a_user_id_without_the_secret_is_refused() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/v1/users/me/characters"))
                .header("x-user-id", USER)
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"unauthenticated\"").doesNotContain(GATEWAY_SECRET);
    }

    @Test
    void a_wrong_secret_is_refused() {
        assertThat(characters("gateway-shared-secret-for-testZ", USER).statusCode())
                .isEqualTo(401);
        assertThat(characters("short", USER).statusCode()).isEqualTo(401);
    }

    @Test
    void two_user_ids_are_refused_so_a_client_cannot_smuggle_its_own_past_the_gateway() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/v1/users/me/characters"))
                .header("x-gateway-secret", GATEWAY_SECRET)
                .header("x-user-id", "6f1c6a3e-8a5f-4b8e-9a3c-2b1d0e9f7a61")
                .header("x-user-id", USER)
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("more than one x-user-id");
    }

    @Test
    void two_secrets_are_refused() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/v1/users/me/characters"))
                .header("x-gateway-secret", "wrong-wrong-wrong-wrong")
                .header("x-gateway-secret", GATEWAY_SECRET)
                .header("x-user-id", USER)
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void gateway_mode_cannot_be_configured_without_a_real_secret() {
        assertThatThrownBy(() -> new AuthSettings(AuthSettings.Mode.GATEWAY, null, null, null))
                .hasMessageContaining("shared secret");
        assertThatThrownBy(() -> new AuthSettings(AuthSettings.Mode.GATEWAY, "too-short", null, null))
                .hasMessageContaining("at least 16");
        assertThat(new AuthSettings(AuthSettings.Mode.GATEWAY, GATEWAY_SECRET, null, null).toString())
                .doesNotContain(GATEWAY_SECRET);
    }

    private HttpResponse<String> characters(String secret, String user) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/users/me/characters"))
                .header("x-gateway-secret", secret)
                .header("x-user-id", user)
                .GET());
    }
}
