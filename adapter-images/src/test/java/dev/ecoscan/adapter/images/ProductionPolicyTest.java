package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.ImageReference;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production policy never reaches this machine, even through a host the operator allowed. */
class ProductionPolicyTest {

    private final LoopbackImageServer server =
            new LoopbackImageServer().route("/milk.png", LoopbackImageServer.image("image/png", TestImages.png()));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void localhost_is_refused_by_its_addresses_even_when_it_is_on_the_allow_list() {
        // The system resolver: localhost comes from the hosts file, never from the network.
        try (SafeUrlImageSource source = new SafeUrlImageSource(ImageFetchPolicy.production(Set.of("localhost")))) {

            ImageLoad load = source.load(ImageReference.parse("https://localhost:" + server.port() + "/milk.png"));

            assertThat(load)
                    .isEqualTo(new ImageLoad.Unreadable(
                            "image host localhost resolves to a loopback address, which the service does not contact"));
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void plain_http_to_127_0_0_1_is_refused_by_its_scheme() {
        try (SafeUrlImageSource source = new SafeUrlImageSource(ImageFetchPolicy.production(Set.of("127.0.0.1")))) {

            ImageLoad load = source.load(ImageReference.parse(server.url("/milk.png")));

            assertThat(load).isEqualTo(new ImageLoad.Unreadable("image URLs must use https"));
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void https_to_127_0_0_1_is_refused_by_its_address_even_when_it_is_on_the_allow_list() {
        try (SafeUrlImageSource source = new SafeUrlImageSource(ImageFetchPolicy.production(Set.of("127.0.0.1")))) {

            ImageLoad load = source.load(ImageReference.parse("https://127.0.0.1:" + server.port() + "/milk.png"));

            assertThat(load)
                    .isEqualTo(new ImageLoad.Unreadable(
                            "image host 127.0.0.1 resolves to a loopback address, which the service does not contact"));
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void an_allowed_host_whose_name_points_at_the_metadata_address_is_refused() {
        FixedResolver dns = new FixedResolver().with("images.example.com", "169.254.169.254");
        try (SafeUrlImageSource source =
                new SafeUrlImageSource(ImageFetchPolicy.production(Set.of("images.example.com")), dns)) {

            ImageLoad load = source.load(ImageReference.parse("https://images.example.com/latest/meta-data/"));

            assertThat(load)
                    .isEqualTo(
                            new ImageLoad.Unreadable(
                                    "image host images.example.com resolves to a cloud metadata address, which the service does not contact"));
            assertThat(dns.asked()).containsExactly("images.example.com");
        }
    }

    @Test
    void an_allowed_host_whose_name_points_at_a_mapped_private_address_is_refused() {
        FixedResolver dns = new FixedResolver().with("images.example.com", "::ffff:192.168.1.1");
        try (SafeUrlImageSource source =
                new SafeUrlImageSource(ImageFetchPolicy.production(Set.of("images.example.com")), dns)) {

            assertThat(source.load(ImageReference.parse("https://images.example.com/milk.png")))
                    .isEqualTo(
                            new ImageLoad.Unreadable(
                                    "image host images.example.com resolves to a private address, which the service does not contact"));
        }
    }

    @Test
    void an_allowed_host_that_cannot_be_resolved_is_unreadable() {
        FixedResolver dns = new FixedResolver();
        try (SafeUrlImageSource source =
                new SafeUrlImageSource(ImageFetchPolicy.production(Set.of("images.example.com")), dns)) {

            assertThat(source.load(ImageReference.parse("https://images.example.com/milk.png")))
                    .isEqualTo(new ImageLoad.Unreadable("image host images.example.com cannot be resolved"));
        }
    }

    @Test
    void a_host_off_the_allow_list_is_refused_before_any_lookup() {
        FixedResolver dns = new FixedResolver();
        try (SafeUrlImageSource source =
                new SafeUrlImageSource(ImageFetchPolicy.production(Set.of("images.example.com")), dns)) {

            assertThat(source.load(ImageReference.parse("https://evil.example.org/milk.png")))
                    .isEqualTo(new ImageLoad.Unreadable("image host evil.example.org is not on the allow-list"));
            assertThat(dns.asked()).isEmpty();
        }
    }
}
