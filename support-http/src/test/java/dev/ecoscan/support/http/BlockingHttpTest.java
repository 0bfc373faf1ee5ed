package dev.ecoscan.support.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ecoscan.testservers.RawHttpCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Test;

class BlockingHttpTest {

    @Test
    void a_request_goes_out_as_plain_http_1_1_with_no_upgrade_offer() throws Exception {
        try (RawHttpCapture server = RawHttpCapture.start(request -> RawHttpCapture.Reply.json(200, "{}"));
                CloseableHttpClient client = BlockingHttp.client(Duration.ofSeconds(2))) {
            HttpPost post = new HttpPost(URI.create(server.root() + "/v1/chat/completions"));
            post.setEntity(new StringEntity("{\"a\":1}", StandardCharsets.UTF_8));

            String body = BlockingHttp.exchange(
                    client, post, Duration.ofSeconds(5), response -> EntityUtils.toString(response.getEntity()));

            assertThat(body).isEqualTo("{}");
            assertThat(server.requests()).singleElement().satisfies(request -> {
                assertThat(request.requestLine()).isEqualTo("POST /v1/chat/completions HTTP/1.1");
                assertThat(request.header("Upgrade")).isEmpty();
                assertThat(request.header("HTTP2-Settings")).isEmpty();
                assertThat(request.bodyText()).isEqualTo("{\"a\":1}");
            });
        }
    }

    @Test
    void a_reply_read_to_its_end_gives_its_connection_back_and_one_left_unread_has_it_dropped() throws Exception {
        List<Integer> clientPorts = new CopyOnWriteArrayList<>();
        byte[] large = new byte[256 * 1024];
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = exchange.getRequestURI().getPath().equals("/large") ? large : new byte[] {'o', 'k'};
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException dropped) {
                // the client hung up on the large body, as it should
            }
        });
        server.start();
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        try (CloseableHttpClient client = BlockingHttp.client(Duration.ofSeconds(2))) {
            for (String path : List.of("/a", "/b", "/large", "/c")) {
                BlockingHttp.exchange(
                        client,
                        new HttpGet(root + path),
                        Duration.ofSeconds(5),
                        response -> path.equals("/large") ? "left unread" : EntityUtils.toString(response.getEntity()));
            }
        } finally {
            server.stop(0);
        }

        assertThat(clientPorts).hasSize(4);
        assertThat(clientPorts.get(1))
                .as("the second request reuses the first one's connection")
                .isEqualTo(clientPorts.get(0));
        assertThat(clientPorts.get(2)).isEqualTo(clientPorts.get(0));
        assertThat(clientPorts.get(3))
                .as("the connection whose body was left unread is not reused")
                .isNotEqualTo(clientPorts.get(2));
    }

    @Test
    void a_server_that_never_answers_is_cut_off_at_the_budget() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                CloseableHttpClient client = BlockingHttp.client(Duration.ofSeconds(2))) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> BlockingHttp.exchange(
                            client,
                            new HttpGet("http://127.0.0.1:" + silent.getLocalPort() + "/"),
                            Duration.ofMillis(300),
                            response -> "never"))
                    .isInstanceOf(BlockingHttp.DeadlinePassed.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        }
    }
}
