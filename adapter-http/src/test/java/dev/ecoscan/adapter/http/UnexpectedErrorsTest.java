package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.application.port.ScanWaste;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A handler that throws what nobody expected: the client gets the {@code internal_error} problem,
 * the log gets the stack trace once, and the metrics count a 500, not the 200 the response held
 * before the error was answered.
 */
class UnexpectedErrorsTest {

    private static final String IMAGE = "https://img.example/private-photo.png";
    private static final String QUESTION = "is this paper?";
    private static final ScanWaste FAILING_SCANS = (request, progress) -> {
        throw new IllegalStateException("a bug deep in the pipeline");
    };
    private static final ListCharacters FAILING_CHARACTERS = user -> {
        throw new IllegalStateException("the connection pool is closed");
    };

    private final Logger httpLog = (Logger) LoggerFactory.getLogger("eco-scan.http");

    /** What the routes log: a route logs before it answers, so the list is complete when the answer arrives. */
    private final ListAppender<ILoggingEvent> capture = new ListAppender<>();

    private MeteredApi api;

    @BeforeEach
    void start() {
        capture.start();
        httpLog.addAppender(capture);
        api = new MeteredApi(FAILING_SCANS, FAILING_CHARACTERS);
    }

    @AfterEach
    void stop() {
        api.close();
        httpLog.detachAppender(capture);
    }

    @Test
    void a_scan_that_throws_is_a_500_problem_with_its_task_id_logged_once_with_the_stack_trace() {
        String token = ApiFixture.token();
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                .header("Content-Type", "application/json")
                .header("Cookie", "s_access=" + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"image_url\":\"" + IMAGE + "\",\"user_input\":\"" + QUESTION + "\"}")));

        JsonNode problem = assertInternalError(response);
        String task = problem.path("task_id").asText();
        assertThat(UUID.fromString(task)).isNotNull();

        assertThat(capture.list).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.ERROR);
            assertThat(record.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
            assertThat(record.getThrowableProxy().getMessage()).isEqualTo("a bug deep in the pipeline");
            assertThat(record.getThrowableProxy().getStackTraceElementProxyArray())
                    .isNotEmpty();
            assertThat(record.getFormattedMessage())
                    .contains("POST " + ScanApiServer.CLASSIFY, task)
                    .doesNotContain(IMAGE, QUESTION, token, ApiFixture.USER.toString());
            assertThat(record.getKeyValuePairs())
                    .singleElement()
                    .satisfies(pair -> assertThat(pair.key + "=" + pair.value).isEqualTo("task_id=" + task));
        });
    }

    @Test
    void the_500_is_what_the_observer_and_the_metrics_count() {
        api.send(HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY))
                .header("Content-Type", "application/json")
                .header("Cookie", "s_access=" + ApiFixture.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"image_url\":\"" + IMAGE + "\"}")));

        assertThat(api.observedAtLeast(1)).containsExactly("POST " + ScanApiServer.CLASSIFY + " 500");
        String scrape = api.metrics.scrape(null).body();
        assertThat(scrape)
                .containsPattern("http_requests_total\\{method=\"POST\",path=\"/api/v1/scan/classify\","
                        + "service=\"scan-api\",status_code=\"500\"} 1(\\.0)?\n")
                .doesNotContain("status_code=\"200\"");
    }

    @Test
    void a_port_that_throws_outside_a_scan_is_a_500_problem_without_a_task_id_and_logged_once() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri(CharacterRoutes.MINE.path()))
                .header("Cookie", "s_access=" + ApiFixture.token())
                .GET());

        assertThat(assertInternalError(response).path("task_id").isNull()).isTrue();
        assertThat(capture.list).singleElement().satisfies(record -> {
            assertThat(record.getThrowableProxy().getMessage()).isEqualTo("the connection pool is closed");
            assertThat(record.getFormattedMessage()).contains("GET " + CharacterRoutes.MINE.path());
        });
        assertThat(api.observedAtLeast(1)).containsExactly("GET " + CharacterRoutes.MINE.path() + " 500");
    }

    @Test
    void an_exception_of_helidons_own_keeps_its_status_and_is_no_unexpected_error() {
        try (MeteredApi gone = new MeteredApi(FAILING_SCANS, user -> {
            throw new HttpException("moved away", Status.GONE_410);
        })) {
            HttpResponse<String> response = gone.send(HttpRequest.newBuilder(gone.uri(CharacterRoutes.MINE.path()))
                    .header("Cookie", "s_access=" + ApiFixture.token())
                    .GET());

            assertThat(response.statusCode()).isEqualTo(410);
            assertThat(gone.observedAtLeast(1)).containsExactly("GET " + CharacterRoutes.MINE.path() + " 410");
            assertThat(capture.list).isEmpty();
        }
    }

    private static JsonNode assertInternalError(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = ApiFixture.json(response);
        assertThat(problem.path("code").asText()).isEqualTo("internal_error");
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("message").asText()).isEqualTo("an unexpected error; it has been logged");
        assertThat(problem.path("detail").asText()).isEqualTo("an unexpected error; it has been logged");
        return problem;
    }
}
