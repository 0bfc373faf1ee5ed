package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.testkit.ScanTestKit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document served at /openapi.yaml matches the routes and lists every problem code. */
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_document_lists_exactly_the_routes_and_every_problem_code() {
        try (ApiFixture api = new ApiFixture(ScanTestKit.pipeline().build(), 1)) {
            HttpResponse<String> response = api.send(
                    HttpRequest.newBuilder(api.uri(ScanApiServer.OPENAPI)).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> document = new Yaml().load(response.body());
            assertThat(document.get("openapi")).isEqualTo("3.1.0");

            Set<String> documented = new TreeSet<>();
            ((Map<String, Map<String, Object>>) document.get("paths"))
                    .forEach((path, operations) -> operations
                            .keySet()
                            .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
            assertThat(documented)
                    .containsExactlyInAnyOrderElementsOf(
                            api.server.routes().stream().map(Route::toString).toList());

            Map<String, Object> problem = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas"))
                            .get("Problem");
            List<String> codes = (List<String>)
                    ((Map<String, Object>) ((Map<String, Object>) problem.get("properties")).get("code")).get("enum");
            assertThat(codes)
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(ProblemCode.values())
                            .map(ProblemCode::code)
                            .toList());

            Map<String, Object> classify = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) document.get("paths")).get(ScanApiServer.CLASSIFY))
                            .get("post");
            Set<String> statuses = ((Map<String, Object>) classify.get("responses")).keySet();
            for (ProblemCode code : ProblemCode.values()) {
                if (code != ProblemCode.NOT_FOUND) {
                    assertThat(statuses).as(code.code()).contains(String.valueOf(code.status()));
                }
            }
        }
    }

    @Test
    void the_other_routes_answer() {
        try (ApiFixture api = new ApiFixture(ScanTestKit.pipeline().build(), 1)) {
            HttpResponse<String> categories = api.send(
                    HttpRequest.newBuilder(api.uri(ScanApiServer.CATEGORIES)).GET());
            assertThat(categories.statusCode()).isEqualTo(200);
            assertThat(ApiFixture.json(categories).path("majors")).hasSize(7);
            assertThat(api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.LIVE))
                                    .GET())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.READY))
                                    .GET())
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> metrics = api.send(
                    HttpRequest.newBuilder(api.uri(ScanApiServer.METRICS)).GET());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body()).contains("up 1");
            assertThat(api.observedIncluding("GET /api/v1/scan/categories 200", "GET /health/live 200"))
                    .contains("GET /api/v1/scan/categories 200", "GET /health/live 200");
        }
    }
}
