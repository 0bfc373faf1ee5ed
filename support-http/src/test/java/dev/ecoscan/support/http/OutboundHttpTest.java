package dev.ecoscan.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.testservers.RawHttpCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboundHttpTest {

    private RawHttpCapture server;

    @BeforeEach
    void start() throws Exception {
        server = RawHttpCapture.start(request -> RawHttpCapture.Reply.json(200, "{}"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void the_jdk_default_client_offers_an_h2c_upgrade_on_cleartext_which_is_what_this_factory_prevents()
            throws Exception {
        // The canary: if the JDK ever stops offering the upgrade, the tests below would pass vacuously.
        send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(server.root() + "/canary")));

        assertThat(server.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.header("Upgrade")).containsExactly("h2c"));
    }

    @Test
    void a_client_for_a_cleartext_base_url_sends_plain_http_1_1() throws Exception {
        URI base = URI.create(server.root() + "/v1");
        send(
                OutboundHttp.clientFor(base).build(),
                HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.requestLine()).endsWith("HTTP/1.1");
            assertThat(request.header("Upgrade")).isEmpty();
            assertThat(request.header("HTTP2-Settings")).isEmpty();
            assertThat(request.header("Connection")).noneMatch(value -> value.contains("Upgrade"));
            assertThat(request.bodyText()).isEqualTo("{\"a\":1}");
        });
    }

    @Test
    void a_general_client_and_its_request_builder_send_plain_http_1_1_on_cleartext() throws Exception {
        send(OutboundHttp.client().build(), OutboundHttp.request(URI.create(server.root() + "/image.png")));
        send(OutboundHttp.client().build(), HttpRequest.newBuilder(URI.create(server.root() + "/other.png")));

        assertThat(server.requests())
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.header("Upgrade")).isEmpty());
    }

    @Test
    void https_urls_may_negotiate_http_2_and_everything_else_speaks_http_1_1() {
        assertThat(OutboundHttp.versionFor(URI.create("https://api.openai.com/v1")))
                .isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(OutboundHttp.versionFor(URI.create("HTTPS://example.com/"))).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(OutboundHttp.versionFor(URI.create("http://127.0.0.1:8000/v1")))
                .isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(OutboundHttp.request(URI.create("http://vllm:8000/v1"))
                        .build()
                        .version())
                .contains(HttpClient.Version.HTTP_1_1);
    }

    private static void send(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
