package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.testservers.RawHttpCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the command line's image source really sends to an {@code http://} URL, byte for byte: plain
 * HTTP/1.1 without the JDK default's h2c upgrade offer, which uvicorn-based servers and Envoy refuse.
 */
class LocalImageSourceOnCleartextTest {

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    private final LocalImageSource source = new LocalImageSource(Duration.ofSeconds(5));
    private RawHttpCapture server;

    @BeforeEach
    void start() throws Exception {
        byte[] png = Files.readAllBytes(SAMPLES.resolve("milk-carton.png"));
        server = RawHttpCapture.start(request -> new RawHttpCapture.Reply(200, "image/png", png));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void an_image_downloaded_over_http_offers_no_h2c_upgrade() {
        ImageLoad load = source.load(ImageReference.parse(server.root() + "/milk.png"));

        assertThat(load).isInstanceOf(ImageLoad.Loaded.class);
        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.requestLine()).isEqualTo("GET /milk.png HTTP/1.1");
            assertThat(request.header("Upgrade")).as("Upgrade headers").isEmpty();
            assertThat(request.header("HTTP2-Settings"))
                    .as("HTTP2-Settings headers")
                    .isEmpty();
            assertThat(request.header("Connection"))
                    .as("Connection headers")
                    .noneMatch(value -> value.toLowerCase(Locale.ROOT).contains("upgrade"));
        });
    }
}
