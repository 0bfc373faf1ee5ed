package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.testservers.RawHttpCapture;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the image source really sends over dev mode's loopback http, byte for byte: plain HTTP/1.1
 * without the JDK default's h2c upgrade offer, which uvicorn-based servers and Envoy refuse.
 */
class SafeUrlImageSourceOnCleartextTest {

    private final byte[] png = TestImages.png();
    private final SafeUrlImageSource source =
            new SafeUrlImageSource(ImageFetchPolicy.dev(), FixedResolver.withLocalhost());
    private RawHttpCapture server;

    @BeforeEach
    void start() throws Exception {
        server = RawHttpCapture.start(request -> new RawHttpCapture.Reply(200, "image/png", png));
    }

    @AfterEach
    void stop() throws Exception {
        source.close();
        server.close();
    }

    @Test
    void an_image_fetched_over_loopback_http_offers_no_h2c_upgrade() {
        ImageLoad load = source.load(ImageReference.parse(server.root() + "/milk.png"));

        assertThat(load).isEqualTo(new ImageLoad.Loaded(new Image(png, "image/png")));
        assertThat(server.requests()).singleElement().satisfies(this::assertPlainHttp11);
    }

    @Test
    void an_image_fetched_from_localhost_by_name_offers_no_h2c_upgrade() {
        ImageLoad load = source.load(ImageReference.parse("http://localhost:" + server.port() + "/milk.png"));

        assertThat(load).isInstanceOf(ImageLoad.Loaded.class);
        assertThat(server.requests()).singleElement().satisfies(this::assertPlainHttp11);
    }

    private void assertPlainHttp11(RawHttpCapture.Captured request) {
        assertThat(request.requestLine()).isEqualTo("GET /milk.png HTTP/1.1");
        assertThat(request.header("Upgrade")).as("Upgrade headers").isEmpty();
        assertThat(request.header("HTTP2-Settings"))
                .as("HTTP2-Settings headers")
                .isEmpty();
        assertThat(request.header("Connection"))
                .as("Connection headers")
                .noneMatch(value -> value.toLowerCase(Locale.ROOT).contains("upgrade"));
    }
}
