package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.testkit.PngText;
import dev.ecoscan.testservers.LocalServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev mode's try-it page at {@code /}: served with a dev token cookie that the API takes, driven end
 * to end in Chromium (a photo uploaded, the stages, the answer and the reward read off the page),
 * and absent in prod mode.
 */
class TryPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));
    private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void dev_mode_serves_the_page_with_a_cookie_the_api_takes() throws Exception {
        try (Service dev = Service.start(settings(Map.of()))) {
            HttpResponse<String> page = get(dev.base() + "/", Map.of());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(
                            policy -> assertThat(policy).contains("default-src 'none'", "script-src 'self'"));
            assertThat(page.body()).contains("lang=\"ko\"", "<option value=\"milk-carton.png\">milk-carton</option>");
            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith("s_access=").contains("; Path=/api", "; HttpOnly", "; SameSite=Strict");

            String token = cookie.substring(0, cookie.indexOf(';'));
            HttpResponse<String> mine = get(dev.base() + "/api/v1/users/me/characters", Map.of("Cookie", token));
            assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
            assertThat(get(dev.base() + "/api/v1/users/me/characters", Map.of()).statusCode())
                    .isEqualTo(401);

            HttpResponse<String> script = get(dev.base() + "/try/page.js", Map.of());
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).contains("textContent").doesNotContain("innerHTML");
            assertNotFound(get(dev.base() + "/try/secrets.js", Map.of()));
        }
    }

    @Test
    void prod_mode_serves_no_page() throws Exception {
        Map<String, String> prod = Map.of(
                "ECO_SCAN_MODE", "prod",
                "ECO_SCAN_JWT_SECRET", "try-page-test-secret-try-page-test-secret",
                "ECO_SCAN_JWT_ISSUER", "test-issuer",
                "ECO_SCAN_JWT_AUDIENCE", "test-audience",
                // Prod mode needs a provider; nothing listens there, and no scan is asked for.
                "OPENAI_API_KEY", "sk-try-page-test",
                "OPENAI_BASE_URL", "http://127.0.0.1:" + LocalServers.freeLoopbackPort() + "/v1");
        try (Service service = Service.start(settings(prod))) {
            assertNotFound(get(service.base() + "/", Map.of()));
            assertNotFound(get(service.base() + "/try/page.js", Map.of()));
            assertThat(service.running().banner()).noneMatch(line -> line.contains("browser"));
        }
    }

    @Test
    void a_browser_uploads_a_photo_and_reads_the_item_the_stages_and_the_reward() throws Exception {
        Path node = PageScript.ready();
        Path photo = SAMPLES.resolve("milk-carton.png");
        // The item the photo shows, named as the knowledge base names it: what the page must render.
        String itemId = PngText.read(Files.readAllBytes(photo)).get(PngText.ITEM_KEY);
        String expected = KnowledgeBase.embedded()
                .taxonomy()
                .items()
                .filter(item -> item.id().value().equals(itemId))
                .map(Item::name)
                .findFirst()
                .orElseThrow();
        try (Service dev = Service.start(settings(Map.of()))) {
            assertThat(dev.running().banner()).contains("Try it in a browser: " + dev.base() + "/");

            PageScript.Run run = PageScript.drive(node, dev.base(), photo, expected, BROWSER_TIMEOUT);

            System.out.println("try-page.mjs:\n" + run.output());
            assertThat(run.exit()).as("try-page.mjs failed:\n%s", run.output()).isZero();
            assertThat(run.output())
                    .contains(
                            "ok - sample milk-carton.png: the item is " + expected,
                            "ok - upload with a question: the item is " + expected,
                            "ok - upload with a question: the reward character renders");
        }
    }

    private Settings settings(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ECO_SCAN_CONFIG", "/dev/null",
                "ECO_SCAN_SIMULATOR_SPEED", "0",
                "ECO_SCAN_PORT", "0",
                "ECO_SCAN_DATA_DIR", dataDir.toString(),
                "ECO_SCAN_SAMPLES_DIR", SAMPLES.toString()));
        env.putAll(extra);
        return Settings.from(env);
    }

    private static void assertNotFound(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("not_found");
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The service as {@code ./eco-scan serve} runs it, in this JVM on a free loopback port. */
    private record Service(TestServiceComponent engine, RunningService running) implements AutoCloseable {

        static Service start(Settings settings) {
            TestServiceComponent engine = TestServiceComponent.create(settings);
            return new Service(engine, engine.service());
        }

        String base() {
            return running.baseUrl();
        }

        @Override
        public void close() {
            running.server().close();
            engine.resources().close();
        }
    }
}
