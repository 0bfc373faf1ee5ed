package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.ImageReference;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalImageSourceTest {

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    @TempDir
    Path dir;

    private HttpServer server;
    private final LocalImageSource source = new LocalImageSource(Duration.ofSeconds(5));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] png = Files.readAllBytes(SAMPLES.resolve("milk-carton.png"));
        server.createContext("/milk.png", exchange -> {
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        });
        server.createContext("/missing.png", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void a_sample_file_loads_as_a_png() {
        assertThat(source.load(new ImageReference.File(SAMPLES.resolve("milk-carton.png"))))
                .isInstanceOfSatisfying(
                        ImageLoad.Loaded.class,
                        loaded -> assertThat(loaded.image().mediaType()).isEqualTo("image/png"));
    }

    @Test
    void a_missing_file_a_folder_and_a_text_file_are_unreadable() throws IOException {
        Path text = Files.writeString(dir.resolve("note.png"), "not an image");

        assertThat(source.load(new ImageReference.File(dir.resolve("absent.png"))))
                .isInstanceOfSatisfying(
                        ImageLoad.Unreadable.class, u -> assertThat(u.reason()).contains("no such file"));
        assertThat(source.load(new ImageReference.File(dir)))
                .isInstanceOfSatisfying(
                        ImageLoad.Unreadable.class, u -> assertThat(u.reason()).contains("folder"));
        assertThat(source.load(new ImageReference.File(text)))
                .isInstanceOfSatisfying(
                        ImageLoad.Unreadable.class, u -> assertThat(u.reason()).contains("not a PNG"));
    }

    @Test
    void an_image_url_on_a_real_server_is_downloaded() {
        assertThat(source.load(ImageReference.parse(url("/milk.png")))).isInstanceOf(ImageLoad.Loaded.class);
    }

    @Test
    void an_http_error_is_unreadable_with_its_status() {
        assertThat(source.load(ImageReference.parse(url("/missing.png"))))
                .isInstanceOfSatisfying(
                        ImageLoad.Unreadable.class, u -> assertThat(u.reason()).contains("404"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
