package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redirects are followed one by one and each is checked like the first URL. Refused targets are
 * refused before any connection: the fixed resolver and the loopback server's log show that nothing
 * but 127.0.0.1 was ever contacted, and a refusal reason is only given when no connection was tried.
 */
class RedirectCheckTest {

    private final LoopbackImageServer server = new LoopbackImageServer();
    private final FixedResolver dns = FixedResolver.withLocalhost()
            .with("images.test", "10.0.0.1")
            .with("metadata.test", "169.254.169.254", "fd00:ec2::254")
            .with("mixed.test", "127.0.0.1", "10.0.0.1");
    private final SafeUrlImageSource source =
            new SafeUrlImageSource(devWithHosts("images.test", "metadata.test", "mixed.test"), dns);

    @AfterEach
    void stop() {
        source.close();
        server.close();
    }

    @Test
    void a_chain_of_redirects_within_loopback_is_followed() {
        byte[] png = TestImages.png();
        server.route("/chain/start", LoopbackImageServer.redirect(302, "step2"))
                .route("/chain/step2", LoopbackImageServer.redirect(301, server.url("/chain/step3")))
                .route("/chain/step3", LoopbackImageServer.redirect(307, "//localhost:" + server.port() + "/milk.png"))
                .route("/milk.png", LoopbackImageServer.image("image/png", png));

        ImageLoad load = source.load(url("/chain/start"));

        assertThat(load).isEqualTo(new ImageLoad.Loaded(new Image(png, "image/png")));
        assertThat(server.requests()).containsExactly("/chain/start", "/chain/step2", "/chain/step3", "/milk.png");
        assertThat(dns.asked()).containsExactly("localhost");
    }

    @Test
    void more_redirects_than_allowed_are_refused() {
        for (int i = 0; i < 5; i++) {
            server.route("/loop" + i, LoopbackImageServer.redirect(308, "/loop" + (i + 1)));
        }

        assertThat(source.load(url("/loop0")))
                .isEqualTo(new ImageLoad.Unreadable("the image URL redirected more than 3 times"));
        assertThat(server.requests()).containsExactly("/loop0", "/loop1", "/loop2", "/loop3");
    }

    @Test
    void with_no_redirects_allowed_the_first_one_is_refused() {
        try (SafeUrlImageSource strict =
                new SafeUrlImageSource(ImageFetchPolicy.dev().withMaxRedirects(0), dns)) {
            server.route("/moved", LoopbackImageServer.redirect(301, "/milk.png"));

            assertThat(strict.load(url("/moved")))
                    .isEqualTo(new ImageLoad.Unreadable("the image URL redirected more than 0 times"));
            assertThat(server.requests()).containsExactly("/moved");
        }
    }

    @Test
    void a_redirect_to_the_cloud_metadata_address_is_refused_without_connecting() {
        server.route("/evil", LoopbackImageServer.redirect(302, "http://169.254.169.254/latest/meta-data/"));

        assertThat(source.load(url("/evil")))
                .isEqualTo(new ImageLoad.Unreadable(
                        "redirect refused: image URLs must use https (plain http is only for loopback in dev mode)"));
        assertThat(server.requests()).containsExactly("/evil");
        assertThat(dns.asked()).isEmpty();
    }

    @Test
    void a_redirect_to_the_metadata_address_over_https_is_refused_without_connecting() {
        server.route("/evil", LoopbackImageServer.redirect(302, "https://169.254.169.254/latest/meta-data/iam/"));

        assertThat(source.load(url("/evil")))
                .isEqualTo(new ImageLoad.Unreadable(
                        "redirect refused: image host 169.254.169.254 is not on the allow-list"));
        assertThat(server.requests()).containsExactly("/evil");
        assertThat(dns.asked()).isEmpty();
    }

    @Test
    void a_redirect_to_a_private_address_is_refused_without_connecting() {
        server.route("/evil", LoopbackImageServer.redirect(307, "http://10.0.0.1/admin"));

        assertThat(source.load(url("/evil")))
                .isEqualTo(new ImageLoad.Unreadable(
                        "redirect refused: image URLs must use https (plain http is only for loopback in dev mode)"));
        assertThat(server.requests()).containsExactly("/evil");
        assertThat(dns.asked()).isEmpty();
    }

    @Test
    void a_redirect_to_an_allowed_host_that_resolves_to_a_private_address_is_refused_after_the_lookup() {
        server.route("/evil", LoopbackImageServer.redirect(302, "https://images.test/milk.png"));

        assertThat(source.load(url("/evil")))
                .isEqualTo(
                        new ImageLoad.Unreadable(
                                "redirect refused: image host images.test resolves to a private address, which the service does not contact"));
        assertThat(dns.asked()).containsExactly("images.test");
        assertThat(server.requests()).containsExactly("/evil");
    }

    @Test
    void a_redirect_to_an_allowed_host_that_resolves_to_a_metadata_address_is_refused_after_the_lookup() {
        server.route("/evil", LoopbackImageServer.redirect(302, "https://METADATA.test./latest/meta-data/"));

        assertThat(source.load(url("/evil")))
                .isEqualTo(
                        new ImageLoad.Unreadable(
                                "redirect refused: image host metadata.test resolves to a cloud metadata address, which the service does not contact"));
        assertThat(dns.asked()).containsExactly("metadata.test");
    }

    @Test
    void a_host_is_refused_when_any_of_its_addresses_is_refused() {
        server.route("/evil", LoopbackImageServer.redirect(302, "https://mixed.test/milk.png"));

        assertThat(source.load(url("/evil")))
                .isEqualTo(
                        new ImageLoad.Unreadable(
                                "redirect refused: image host mixed.test resolves to a private address, which the service does not contact"));
    }

    @Test
    void a_redirect_to_a_local_file_is_refused() {
        server.route("/evil", LoopbackImageServer.redirect(302, "file:///etc/passwd"));

        assertThat(source.load(url("/evil")))
                .isEqualTo(new ImageLoad.Unreadable("redirect refused: image URLs must use https"));
    }

    @Test
    void a_redirect_with_user_info_is_refused() {
        server.route(
                "/evil",
                LoopbackImageServer.redirect(302, "http://admin:admin@127.0.0.1:" + server.port() + "/milk.png"));

        assertThat(source.load(url("/evil")))
                .isEqualTo(new ImageLoad.Unreadable(
                        "redirect refused: image URLs must not contain a user name or password"));
        assertThat(server.requests()).containsExactly("/evil");
    }

    @Test
    void a_redirect_without_a_location_or_with_an_invalid_one_is_refused() {
        server.route("/nowhere", LoopbackImageServer.status(302))
                .route("/garbled", LoopbackImageServer.redirect(302, "http://exa mple/x.png"));

        assertThat(source.load(url("/nowhere")))
                .isEqualTo(new ImageLoad.Unreadable("the image server redirected without a Location header"));
        assertThat(source.load(url("/garbled")))
                .isEqualTo(new ImageLoad.Unreadable("redirect refused: the Location is not a valid URL"));
    }

    private ImageReference url(String path) {
        return ImageReference.parse(server.url(path));
    }

    private static ImageFetchPolicy devWithHosts(String... hosts) {
        ImageFetchPolicy dev = ImageFetchPolicy.dev();
        return new ImageFetchPolicy(
                Set.of(hosts), true, dev.maxBytes(), dev.connectTimeout(), dev.totalTimeout(), dev.maxRedirects());
    }
}
