package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fetches over real HTTP from a server on 127.0.0.1, under the dev policy. */
class SafeUrlImageSourceTest {

    private final LoopbackImageServer server = new LoopbackImageServer();
    private final FixedResolver dns = FixedResolver.withLocalhost();
    private SafeUrlImageSource source = new SafeUrlImageSource(ImageFetchPolicy.dev(), dns);

    @AfterEach
    void stop() {
        source.close();
        server.close();
    }

    @Test
    void a_png_is_fetched_from_a_loopback_server_in_dev_mode() {
        byte[] png = TestImages.png();
        server.route("/milk.png", LoopbackImageServer.image("image/png", png));

        ImageLoad load = source.load(url("/milk.png"));

        assertThat(load).isEqualTo(new ImageLoad.Loaded(new Image(png, "image/png")));
        assertThat(server.requests()).containsExactly("/milk.png");
    }

    @Test
    void localhost_is_resolved_checked_and_then_contacted_at_the_checked_address() {
        byte[] jpeg = TestImages.jpeg();
        server.route("/can.jpg", LoopbackImageServer.image("image/jpeg", jpeg));

        ImageLoad load = source.load(url("http://localhost:" + server.port() + "/can.jpg?size=small"));

        assertThat(load).isEqualTo(new ImageLoad.Loaded(new Image(jpeg, "image/jpeg")));
        assertThat(dns.asked()).containsExactly("localhost");
        assertThat(server.requests()).containsExactly("/can.jpg?size=small");
    }

    @Test
    void a_content_type_with_parameters_and_capitals_is_accepted() {
        byte[] gif = TestImages.gif();
        server.route("/bottle.gif", LoopbackImageServer.image("Image/GIF; charset=binary", gif));

        assertThat(source.load(url("/bottle.gif"))).isEqualTo(new ImageLoad.Loaded(new Image(gif, "image/gif")));
    }

    @Test
    void a_404_is_unreadable() {
        assertThat(source.load(url("/missing.png")))
                .isEqualTo(new ImageLoad.Unreadable("the image server answered HTTP 404"));
    }

    @Test
    void a_server_error_is_unreadable() {
        server.route("/broken.png", LoopbackImageServer.status(500));

        assertThat(source.load(url("/broken.png")))
                .isEqualTo(new ImageLoad.Unreadable("the image server answered HTTP 500"));
    }

    @Test
    void an_html_page_is_refused_by_its_content_type() {
        server.route("/page", LoopbackImageServer.image("text/html; charset=utf-8", "<html></html>".getBytes()));

        assertThat(source.load(url("/page")))
                .isEqualTo(new ImageLoad.Unreadable(
                        "the image server sent text/html, not a PNG, JPEG, GIF or WebP image"));
    }

    @Test
    void an_svg_is_refused_although_it_is_an_image_type() {
        server.route("/logo.svg", LoopbackImageServer.image("image/svg+xml", "<svg/>".getBytes()));

        assertThat(source.load(url("/logo.svg")))
                .isEqualTo(new ImageLoad.Unreadable(
                        "the image server sent image/svg+xml, not a PNG, JPEG, GIF or WebP image"));
    }

    @Test
    void jpeg_bytes_sent_as_png_are_refused() {
        server.route("/liar.png", LoopbackImageServer.image("image/png", TestImages.jpeg()));

        assertThat(source.load(url("/liar.png")))
                .isEqualTo(new ImageLoad.Unreadable("the image server declared image/png but sent image/jpeg"));
    }

    @Test
    void html_sent_as_png_is_refused() {
        server.route("/liar.png", LoopbackImageServer.image("image/png", "<html>hello</html>".getBytes()));

        assertThat(source.load(url("/liar.png")))
                .isEqualTo(new ImageLoad.Unreadable(
                        "the image server declared image/png but the body is not a PNG, JPEG, GIF or WebP image"));
    }

    @Test
    void a_body_declared_larger_than_the_limit_is_refused_before_it_is_read() throws InterruptedException {
        source = new SafeUrlImageSource(ImageFetchPolicy.dev().withMaxBytes(64 * 1024), dns);
        LoopbackImageServer.Flood flood = new LoopbackImageServer.Flood(1L << 30, true);
        server.route("/huge.png", flood);

        assertThat(source.load(url("/huge.png")))
                .isEqualTo(new ImageLoad.Unreadable("the image is larger than 64 KiB"));
        // The client reads none of the body and drops the connection instead of draining it: the
        // server's writes fail long before its gigabyte is out.
        assertThat(flood.awaitFinished()).isTrue();
        assertThat(flood.written()).isLessThan(flood.total() / 8);
    }

    @Test
    void a_chunked_body_past_the_limit_is_cut_off_without_reading_it_all() throws InterruptedException {
        source = new SafeUrlImageSource(ImageFetchPolicy.dev().withMaxBytes(64 * 1024), dns);
        LoopbackImageServer.Flood flood = new LoopbackImageServer.Flood(1L << 30, false);
        server.route("/endless.png", flood);

        assertThat(source.load(url("/endless.png")))
                .isEqualTo(new ImageLoad.Unreadable("the image is larger than 64 KiB"));
        assertThat(flood.awaitFinished()).isTrue();
        assertThat(flood.written()).isLessThan(flood.total() / 8);
    }

    @Test
    void a_body_exactly_at_the_limit_is_accepted() {
        byte[] png = TestImages.png();
        source = new SafeUrlImageSource(ImageFetchPolicy.dev().withMaxBytes(png.length), dns);
        server.route("/exact.png", LoopbackImageServer.image("image/png", png));

        assertThat(source.load(url("/exact.png"))).isInstanceOf(ImageLoad.Loaded.class);
    }

    @Test
    void a_body_that_stalls_after_the_headers_ends_at_the_total_timeout() {
        source = new SafeUrlImageSource(
                ImageFetchPolicy.dev().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)), dns);
        server.route("/slow.png", server.stallAfterHeaders());

        long start = System.nanoTime();
        ImageLoad load = source.load(url("/slow.png"));

        assertThat(load).isEqualTo(new ImageLoad.Unreadable("fetching the image took longer than 300 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    @Test
    void a_server_that_never_answers_ends_at_the_total_timeout() {
        source = new SafeUrlImageSource(
                ImageFetchPolicy.dev().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)), dns);
        server.route("/silent.png", server.stallBeforeHeaders());

        long start = System.nanoTime();
        ImageLoad load = source.load(url("/silent.png"));

        assertThat(load).isEqualTo(new ImageLoad.Unreadable("fetching the image took longer than 300 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_lookup_slower_than_the_total_timeout_ends_at_the_total_timeout() {
        FixedResolver slowDns = FixedResolver.withLocalhost().slowedBy(Duration.ofSeconds(5));
        source = new SafeUrlImageSource(
                ImageFetchPolicy.dev().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)), slowDns);

        long start = System.nanoTime();
        ImageLoad load = source.load(url("http://localhost:" + server.port() + "/milk.png"));

        assertThat(load).isEqualTo(new ImageLoad.Unreadable("fetching the image took longer than 300 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_closed_loopback_port_is_unreadable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(source.load(url("http://127.0.0.1:" + closedPort + "/milk.png")))
                .isEqualTo(new ImageLoad.Unreadable("image host 127.0.0.1 could not be reached"));
    }

    @Test
    void https_to_a_loopback_port_that_does_not_speak_tls_is_unreadable() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getInputStream().read(new byte[512]);
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                } catch (IOException e) {
                    // the test only needs one plain-text answer
                }
            });

            ImageLoad load = source.load(url("https://127.0.0.1:" + plain.getLocalPort() + "/milk.png"));

            // Which of the two a client reports depends on how long the JVM's first TLS set-up takes
            // (the handshake counts against the connect timeout); either way nothing is loaded.
            assertThat(load)
                    .isIn(
                            new ImageLoad.Unreadable("the TLS handshake with image host 127.0.0.1 failed"),
                            new ImageLoad.Unreadable("connecting to image host 127.0.0.1 timed out"));
        }
    }

    private ImageReference url(String pathOrUrl) {
        return ImageReference.parse(pathOrUrl.startsWith("/") ? server.url(pathOrUrl) : pathOrUrl);
    }
}
