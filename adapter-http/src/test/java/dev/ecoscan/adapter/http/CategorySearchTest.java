package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.testkit.ScanTestKit;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/scan/categories?q= answers "how do I throw this away?" in text, without a photo. */
class CategorySearchTest {

    private final ApiFixture api = new ApiFixture(ScanTestKit.pipeline().build(), 10);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_butane_can_is_found_with_advice_that_empties_it_outdoors_and_never_punctures_it() {
        JsonNode body = ApiFixture.json(search("부탄가스"));

        JsonNode first = body.path("matches").path(0);
        assertThat(first.path("kind").asText()).isEqualTo("item");
        String steps = first.at("/advice/steps").toString();
        assertThat(steps).contains("구멍").contains("노즐");
        assertThat(first.at("/advice/steps/0").asText())
                .as("emptying the gas comes first")
                .containsAnyOf("노즐", "구멍");
        assertThat(first.at("/advice/sources")).isNotEmpty();
    }

    @Test
    void a_category_word_finds_its_category_with_advice() {
        JsonNode first = ApiFixture.json(search("헌옷")).path("matches").path(0);

        assertThat(first.path("kind").asText()).isIn("middle", "major");
        assertThat(first.at("/advice/steps")).isNotEmpty();
    }

    @Test
    void spacing_and_one_typo_do_not_stop_a_match() {
        assertThat(ApiFixture.json(search("폐 식용유"))
                        .path("matches")
                        .path(0)
                        .path("name")
                        .asText())
                .isEqualTo(ApiFixture.json(search("폐식용유"))
                        .path("matches")
                        .path(0)
                        .path("name")
                        .asText());
        assertThat(ApiFixture.json(search("폐식용우")).path("total").asInt()).isPositive();
    }

    @Test
    void an_empty_or_overlong_query_is_a_problem_and_no_query_serves_the_whole_tree() {
        HttpResponse<String> empty = search(" ");
        HttpResponse<String> tooLong = search("가".repeat(101));
        HttpResponse<String> tree = api.send(
                HttpRequest.newBuilder(api.uri(ScanApiServer.CATEGORIES)).GET());

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(ApiFixture.json(empty).path("code").asText()).isEqualTo("invalid_request");
        assertThat(tree.statusCode()).isEqualTo(200);
        assertThat(ApiFixture.json(tree).has("matches")).isFalse();
    }

    private HttpResponse<String> search(String q) {
        return api.send(HttpRequest.newBuilder(
                        api.uri(ScanApiServer.CATEGORIES + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .GET());
    }
}
