package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of malformed and hostile requests: none may get a 5xx; each gets a problem+json whose
 * {@code status} is the HTTP status and whose {@code code} says what was wrong.
 */
class HostileRequestsTest {

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture(
                ScanTestKit.pipeline()
                        .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                        .build(),
                100);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void malformed_bodies_are_400_invalid_json_or_invalid_request() {
        Map<String, String> cases = new LinkedHashMap<>();
        for (String body : List.of(
                "",
                "{",
                "}",
                "[]",
                "null",
                "123",
                "\"text\"",
                "{\"image_url\":}",
                "{'a':1}",
                "{\"image_url\":\"https://img.example/a.png\",}",
                "\u0000",
                "{\"image_url\":\"x\"}}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":" + "[".repeat(2_000))) {
            cases.put(body, "invalid_json|invalid_request");
        }
        for (String body : List.of(
                "{}",
                "{\"image_url\":null}",
                "{\"image_url\":5}",
                "{\"image_url\":\"\"}",
                "{\"image_url\":\"   \"}",
                "{\"image_url\":[\"https://img.example/a.png\"]}",
                "{\"image_url\":{\"url\":\"x\"}}",
                "{\"image_url\":\"https://img.example/a.png\",\"user_input\":5}",
                "{\"image_url\":\"https://img.example/a.png\",\"user_input\":{}}",
                "{\"image_url\":\"https://img.example/a.png\",\"user_input\":\"a\\u0000b\"}")) {
            cases.put(body, "invalid_request");
        }
        cases.forEach((body, codes) -> assertProblem(api.classify(body), 400, codes));
    }

    @Test
    void random_bytes_never_get_a_server_error() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                    .header("Content-Type", "application/json")
                    .header("Cookie", "s_access=" + ApiFixture.token())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
            assertProblem(response, 400, "invalid_json|invalid_request");
        }
    }

    @Test
    void an_overlong_question_is_400() {
        assertProblem(
                api.classify(
                        "{\"image_url\":\"https://img.example/a.png\",\"user_input\":\"" + "가".repeat(501) + "\"}"),
                400,
                "user_input_too_long");
    }

    @Test
    void urls_that_could_reach_inside_are_refused_before_any_fetch() {
        for (String url : List.of(
                "file:///etc/passwd",
                "http://169.254.169.254/latest/meta-data/",
                "http://127.0.0.1:8080/metrics",
                "https://10.0.0.1/a.png",
                "ftp://img.example/a.png",
                "gopher://img.example/",
                "javascript:alert(1)",
                "https://user:pass@img.example.evil/a.png",
                "https://img.example.evil.com/a.png",
                "//img.example/a.png",
                "img.example/a.png",
                "../../etc/passwd",
                "https://[::1]/a.png",
                "https://0x7f000001/a.png")) {
            assertProblem(
                    api.classify("{\"image_url\":" + ApiFixture.JSON.valueToTree(url) + "}"),
                    400,
                    "image_url_not_allowed");
        }
    }

    @Test
    void huge_bodies_are_413_with_or_without_a_declared_length() {
        String huge = "{\"image_url\":\"https://img.example/a.png\",\"user_input\":\"" + "a".repeat(200_000) + "\"}";
        assertProblem(api.classify(huge), 413, "body_too_large");
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                .header("Content-Type", "application/json")
                .header("Cookie", "s_access=" + ApiFixture.token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
        assertProblem(chunked, 413, "body_too_large");
    }

    @Test
    void other_content_types_are_415() {
        for (String type : List.of(
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/mixed; boundary=x",
                "application/jsonx",
                "")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                    .header("Cookie", "s_access=" + ApiFixture.token())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"image_url\":\"https://img.example/a.png\"}"));
            if (!type.isEmpty()) {
                request.header("Content-Type", type);
            }
            assertProblem(api.send(request), 415, "unsupported_media_type");
        }
    }

    @Test
    void a_json_body_labelled_multipart_form_data_is_a_malformed_upload() {
        assertProblem(
                api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                        .header("Cookie", "s_access=" + ApiFixture.token())
                        .header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"image_url\":\"https://img.example/a.png\"}"))),
                400,
                "invalid_multipart");
    }

    @Test
    void forged_expired_and_misaddressed_tokens_are_401() {
        Algorithm right = Algorithm.HMAC256(ApiFixture.SECRET);
        Algorithm wrong = Algorithm.HMAC256("another-secret-another-secret-another!!");
        String user = ApiFixture.USER.toString();
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(sign(wrong, "test-issuer", "test-audience", user, now.plusSeconds(300)), "unauthenticated");
        tokens.put(sign(right, "test-issuer", "test-audience", user, now.minusSeconds(60)), "token_expired");
        tokens.put(sign(right, "test-issuer", "other-audience", user, now.plusSeconds(300)), "unauthenticated");
        tokens.put(sign(right, "other-issuer", "test-audience", user, now.plusSeconds(300)), "unauthenticated");
        tokens.put(sign(right, "test-issuer", "test-audience", "not-a-uuid", now.plusSeconds(300)), "unauthenticated");
        tokens.put(
                JWT.create()
                        .withIssuer("test-issuer")
                        .withAudience("test-audience")
                        .withSubject(user)
                        .sign(right),
                "unauthenticated");
        tokens.put(unsigned(user), "unauthenticated");
        tokens.put("not.a.token", "unauthenticated");
        tokens.put("garbage", "unauthenticated");
        tokens.forEach((token, code) -> {
            HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                    .header("Content-Type", "application/json")
                    .header("Cookie", "s_access=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"image_url\":\"https://img.example/a.png\"}")));
            assertProblem(response, 401, code);
        });
        HttpResponse<String> none = api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"image_url\":\"https://img.example/a.png\"}")));
        assertProblem(none, 401, "unauthenticated");
    }

    @Test
    void unknown_paths_and_wrong_methods_are_problems_too() {
        assertProblem(api.send(HttpRequest.newBuilder(api.uri("/api/v1/nope")).GET()), 404, "not_found");
        assertProblem(
                api.send(HttpRequest.newBuilder(api.uri("/../../etc/passwd")).GET()), 404, "not_found|invalid_request");
        assertProblem(
                api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY)).GET()), 405, "method_not_allowed");
        assertProblem(
                api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CATEGORIES))
                        .DELETE()),
                405,
                "method_not_allowed");
    }

    @Test
    void none_of_the_hostile_requests_reached_the_pipeline() {
        List<String> serverErrors = new ArrayList<>(api.observed.stream()
                .filter(line -> line.endsWith(" 500") || line.matches(".* 5\\d\\d"))
                .toList());
        assertThat(serverErrors).isEmpty();
    }

    private static String sign(Algorithm algorithm, String issuer, String audience, String subject, Instant expires) {
        return JWT.create()
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(subject)
                .withExpiresAt(expires)
                .sign(algorithm);
    }

    /** A token with {@code alg: none}: must never be accepted. */
    private static String unsigned(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"iss\":\"test-issuer\",\"aud\":\"test-audience\",\"sub\":\""
                        + subject + "\",\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static void assertProblem(HttpResponse<String> response, int status, String codes) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .contains("application/problem+json");
        JsonNode problem = ApiFixture.json(response);
        assertThat(problem.path("code").asText()).as(response.body()).matches(codes);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.has("task_id")).isTrue();
    }
}
