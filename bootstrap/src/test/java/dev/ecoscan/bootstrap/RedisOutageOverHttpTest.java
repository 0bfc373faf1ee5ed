package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.adapter.redis.RedisServer;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.testservers.ResponseLeaks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis stopped: submissions answer 503 problem+json at once; Redis back: they are accepted again. */
class RedisOutageOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void submissions_answer_503_while_redis_is_down_and_recover_when_it_returns() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            TestServiceComponent engine = TestServiceComponent.create(Settings.from(Map.of(
                    "ECO_SCAN_CONFIG",
                    "/dev/null",
                    "ECO_SCAN_SIMULATOR_SPEED",
                    "0",
                    "ECO_SCAN_PORT",
                    "0",
                    "ECO_SCAN_DATA_DIR",
                    dataDir.toString(),
                    "ECO_SCAN_QUEUE",
                    "redis",
                    "ECO_SCAN_REDIS_URL",
                    redis.url())));
            RunningService service = engine.service();
            HttpClient client = HttpClient.newHttpClient();
            try {
                assertThat(submit(client, service).statusCode()).isEqualTo(202);

                redis.stop();
                HttpResponse<String> down = submit(client, service);

                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.headers().firstValue("Content-Type")).contains("application/problem+json");
                assertThat(down.headers().firstValue("Retry-After")).isPresent();
                assertThat(JSON.readTree(down.body()).path("code").asText()).isEqualTo("overloaded");

                redis.restart();
                int status = 0;
                for (int attempt = 0; attempt < 50 && status != 202; attempt++) {
                    status = submit(client, service).statusCode();
                    if (status != 202) {
                        Thread.sleep(100);
                    }
                }
                assertThat(status).isEqualTo(202);
            } finally {
                service.server().close();
                engine.resources().close();
            }
        }
    }

    private static HttpResponse<String> submit(HttpClient client, RunningService service) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/scan"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "s_access=" + service.devToken().orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"image_url\":\"http://127.0.0.1:1/a.png\"}"))
                        .build(),
                ResponseLeaks.checkedBodies());
    }
}
