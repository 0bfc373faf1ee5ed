package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eco-scan serve} in its own JVM, as an operator runs it: the banner and its curl on stdout
 * and nothing else there; on stderr one JSON object per line, among them each scan's line with its
 * task_id, step timings and outcome as fields; and never the configured API key.
 */
class ServeLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The banner's curl: {@code curl -s URL -H '...' -b 'COOKIE' -d 'BODY'}. */
    private static final Pattern CURL = Pattern.compile("curl -s (\\S+) .*-b '([^']+)' -d '([^']+)'");

    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void stderr_is_json_lines_with_the_scans_facts_as_fields_and_the_banner_is_on_stdout() throws Exception {
        JsonNode answer;
        try (ServeProcess serve = ServeProcess.start(dir, Map.of())) {
            answer = JSON.readTree(curl(serve).body());
            String taskId = answer.path("task_id").asText();
            assertThat(answer.path("status").asText()).isEqualTo("completed");

            JsonNode scan = JSON.readTree(serve.awaitStderr(line -> line.contains(taskId)));
            assertThat(scan.path("message").asText()).isEqualTo("scan completed");
            assertThat(scan.path("level").asText()).isEqualTo("INFO");
            assertThat(scan.path("task_id").asText()).isEqualTo(taskId);
            assertThat(scan.path("outcome").asText()).isEqualTo("completed");
            assertThat(scan.path("http_status").asInt()).isEqualTo(200);
            assertThat(scan.path("seconds").isNumber()).isTrue();
            assertThat(scan.path("steps").properties())
                    .extracting(Map.Entry::getKey)
                    .containsExactly("vision", "rag", "answer", "reward_match");
            assertThat(scan.path("steps").properties())
                    .allSatisfy(step -> assertThat(step.getValue().isNumber()).isTrue());

            serve.stop();
            assertEveryLineIsOneJsonObject(serve.stderrLines());
            assertThat(serve.stderrLines()).anySatisfy(line -> assertThat(line).contains("stopped in"));
            List<String> stdout = serve.stdoutLines();
            assertThat(stdout.getFirst()).startsWith("eco-scan serving on http://127.0.0.1:");
            assertThat(stdout).anySatisfy(line -> assertThat(line).contains("curl -s"));
            // The banner alone: no log line (nor anything else that starts like JSON) reaches stdout.
            assertThat(stdout).noneSatisfy(line -> assertThat(line).startsWith("{"));
        }
    }

    @Test
    void a_configured_api_key_never_reaches_stderr_even_when_the_provider_echoes_it() throws Exception {
        String key = "sk-proj-ServeLogsTest-0123456789";
        Queue<String> authorizations = new ConcurrentLinkedQueue<>();
        HttpServer provider = echoingProvider(authorizations);
        try (ServeProcess serve = ServeProcess.start(
                dir,
                Map.of(
                        "OPENAI_API_KEY",
                        key,
                        "OPENAI_BASE_URL",
                        "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1",
                        "ECO_SCAN_MODE",
                        "dev"))) {
            HttpResponse<String> answer = curl(serve);
            String taskId = JSON.readTree(answer.body()).path("task_id").asText();
            assertThat(answer.statusCode()).as(answer.body()).isGreaterThanOrEqualTo(400);
            serve.awaitStderr(line -> line.contains(taskId));
            serve.stop();

            // The key was in play: the provider got it, and answered with it in its words.
            assertThat(authorizations).contains("Bearer " + key);
            assertThat(serve.stderrLines()).anySatisfy(line -> assertThat(line).contains("refused the request"));
            assertThat(String.join("\n", serve.stderrLines())).doesNotContain(key);
            assertThat(String.join("\n", serve.stdoutLines())).doesNotContain(key);
            assertEveryLineIsOneJsonObject(serve.stderrLines());
        } finally {
            provider.stop(0);
        }
    }

    /** Sends the request the banner's curl shows, as a person pasting it would. */
    private HttpResponse<String> curl(ServeProcess serve) throws Exception {
        Matcher curl = CURL.matcher(serve.awaitStdout(line -> line.contains("curl -s")));
        assertThat(curl.find()).as("the banner's curl").isTrue();
        return client.send(
                HttpRequest.newBuilder(URI.create(curl.group(1)))
                        .header("Content-Type", "application/json")
                        .header("Cookie", curl.group(2))
                        .POST(HttpRequest.BodyPublishers.ofString(curl.group(3)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertEveryLineIsOneJsonObject(List<String> lines) {
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            JsonNode node = parse(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(node.path("level").asText()).as(line).isNotEmpty();
            assertThat(node.path("message").isTextual()).as(line).isTrue();
        });
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not one JSON object: " + line, e);
        }
    }

    /**
     * An OpenAI-compatible endpoint that refuses every request (400) and says why with the key and the
     * Authorization header it was sent, as a careless provider or gateway might.
     */
    private static HttpServer echoingProvider(Queue<String> authorizations) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            authorizations.add(authorization);
            String key = authorization.replace("Bearer ", "");
            byte[] body = JSON.writeValueAsBytes(Map.of(
                    "error",
                    Map.of(
                            "message",
                            "Unsupported parameter for key " + key + " (Authorization: " + authorization + ")",
                            "type",
                            "invalid_request_error",
                            "param",
                            "temperature")));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
