package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFetchPolicyTest {

    private final ImageFetchPolicy production =
            ImageFetchPolicy.production(Set.of("images.example.com", "*.cdn.example.net"));
    private final ImageFetchPolicy dev = ImageFetchPolicy.dev();

    @Test
    void https_to_an_allowed_host_is_accepted_with_or_without_a_port() {
        assertThat(production.refusal("https://images.example.com/milk.png")).isEmpty();
        assertThat(production.refusal("https://images.example.com:8443/milk.png?size=small#top"))
                .isEmpty();
    }

    @Test
    void plain_http_is_refused_in_production_even_to_an_allowed_host() {
        assertThat(production.refusal("http://images.example.com/milk.png")).contains("image URLs must use https");
        assertThat(production.refusal("http://127.0.0.1:8080/samples/milk-carton.png"))
                .contains("image URLs must use https");
    }

    @Test
    void https_to_a_host_not_on_the_allow_list_is_refused() {
        assertThat(production.refusal("https://evil.example.org/milk.png"))
                .contains("image host evil.example.org is not on the allow-list");
        assertThat(production.refusal("https://images.example.com.evil.org/milk.png"))
                .isPresent();
        assertThat(production.refusal("https://169.254.169.254/latest/meta-data/"))
                .isPresent();
        assertThat(production.refusal("https://localhost/milk.png")).isPresent();
    }

    @Test
    void hosts_are_compared_without_case_and_without_a_trailing_dot() {
        assertThat(production.refusal("https://IMAGES.Example.COM/milk.png")).isEmpty();
        assertThat(production.refusal("https://images.example.com./milk.png")).isEmpty();
        assertThat(ImageFetchPolicy.production(Set.of("Images.Example.com.")).allowedHosts())
                .containsExactly("images.example.com");
    }

    @Test
    void a_wildcard_entry_allows_the_names_under_a_domain_but_not_the_domain_itself() {
        assertThat(production.refusal("https://a.cdn.example.net/x.png")).isEmpty();
        assertThat(production.refusal("https://a.b.cdn.example.net/x.png")).isEmpty();
        assertThat(production.refusal("https://cdn.example.net/x.png")).isPresent();
        assertThat(production.refusal("https://evilcdn.example.net/x.png")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://user@images.example.com/milk.png",
                "https://user:secret@images.example.com/milk.png",
                "https://images.example.com@evil.example.org/milk.png",
                "https://images.example.com:443@169.254.169.254/"
            })
    void user_info_is_refused(String url) {
        assertThat(production.refusal(url)).contains("image URLs must not contain a user name or password");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "file://images.example.com/etc/passwd",
                "ftp://images.example.com/milk.png",
                "gopher://images.example.com:70/_GET",
                "jar:https://images.example.com/a.jar!/milk.png",
                "data:image/png;base64,iVBORw0KGgo=",
                "//images.example.com/milk.png",
                "/samples/milk-carton.png"
            })
    void schemes_other_than_https_are_refused(String url) {
        assertThat(production.refusal(url)).contains("image URLs must use https");
        assertThat(dev.refusal(url)).contains("image URLs must use https");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://images example.com/milk.png",
                "https://[::1/milk.png",
                "https://images.example.com/a b.png",
                "https://images.example.com/%zz",
                "ht tp://images.example.com/"
            })
    void urls_that_do_not_parse_are_refused(String url) {
        assertThat(production.refusal(url)).contains("the image URL is not a valid URL");
    }

    @Test
    void empty_hostless_and_oversized_urls_are_refused() {
        assertThat(production.refusal("")).contains("no image URL was given");
        assertThat(production.refusal("   ")).contains("no image URL was given");
        assertThat(production.refusal(null)).contains("no image URL was given");
        assertThat(production.refusal("https:///milk.png")).contains("the image URL has no host");
        assertThat(production.refusal("https:images.example.com")).contains("the image URL has no host");
        assertThat(production.refusal("https://images_example.com/milk.png"))
                .contains("the image URL's host is not a valid host name");
        assertThat(production.refusal("https://images.example.com/" + "a".repeat(3000)))
                .contains("the image URL is longer than 2048 characters");
    }

    @Test
    void port_zero_and_ports_past_65535_are_refused() {
        assertThat(production.refusal("https://images.example.com:0/milk.png"))
                .contains("the image URL's port is not valid");
        assertThat(production.refusal("https://images.example.com:70000/milk.png"))
                .contains("the image URL's port is not valid");
    }

    @Test
    void dev_mode_accepts_loopback_over_http_and_https() {
        assertThat(dev.refusal("http://127.0.0.1:8080/samples/milk-carton.png")).isEmpty();
        assertThat(dev.refusal("http://localhost:8080/samples/milk-carton.png")).isEmpty();
        assertThat(dev.refusal("http://LOCALHOST.:8080/samples/milk-carton.png"))
                .isEmpty();
        assertThat(dev.refusal("http://[::1]:8080/samples/milk-carton.png")).isEmpty();
        assertThat(dev.refusal("https://127.0.0.1:8443/samples/milk-carton.png"))
                .isEmpty();
        assertThat(dev.refusal("http://127.0.0.2:8080/")).isEmpty();
        // The JDK reads an IPv4-mapped literal as the IPv4 address it carries: this one is loopback.
        assertThat(dev.refusal("http://[::ffff:127.0.0.1]:8080/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://10.0.0.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[fd00:ec2::254]/",
                "http://0.0.0.0:8080/",
                "http://localhost.evil.example.org/",
                "http://127.0.0.1.nip.io/",
                "http://127.1/",
                "http://0177.0.0.1/",
                "http://2130706433/"
            })
    void dev_mode_refuses_plain_http_to_anything_but_a_loopback_name(String url) {
        // 127.1 is refused by the URL parser itself; the others by the rule, with this reason.
        assertThat(dev.refusal(url))
                .get()
                .asString()
                .satisfiesAnyOf(
                        reason -> assertThat(reason)
                                .isEqualTo("image URLs must use https (plain http is only for loopback in dev mode)"),
                        reason -> assertThat(reason).isEqualTo("the image URL's host is not a valid host name"));
        assertThat(dev.refusal("http://10.0.0.1/"))
                .contains("image URLs must use https (plain http is only for loopback in dev mode)");
    }

    @Test
    void dev_mode_allows_no_other_host() {
        assertThat(dev.refusal("https://images.example.com/milk.png"))
                .contains("image host images.example.com is not on the allow-list");
    }

    @Test
    void the_factories_carry_the_documented_defaults() {
        assertThat(production.allowLoopbackHttp()).isFalse();
        assertThat(dev.allowLoopbackHttp()).isTrue();
        assertThat(dev.allowedHosts()).isEmpty();
        assertThat(production.maxBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(production.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(production.totalTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(production.maxRedirects()).isEqualTo(3);
        assertThat(production.maxSizeText()).isEqualTo("10 MiB");
        assertThat(production
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
                        .totalTimeoutText())
                .isEqualTo("300 ms");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "*",
                "*.com",
                "images..example.com",
                "-images.example.com",
                "images.example.com/path",
                "https://images.example.com",
                "user@images.example.com",
                "::1",
                "[::1]",
                "images.*.example.com",
                "ima ges.com"
            })
    void allow_list_entries_that_are_not_host_names_are_rejected(String entry) {
        assertThatThrownBy(() -> ImageFetchPolicy.production(Set.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allow-list entry");
    }

    @Test
    void limits_outside_their_range_are_rejected() {
        assertThatThrownBy(() -> production.withMaxBytes(0)).hasMessageContaining("size limit");
        assertThatThrownBy(() -> production.withMaxBytes(ImageFetchPolicy.LARGEST_MAX_BYTES + 1))
                .hasMessageContaining("size limit");
        assertThatThrownBy(() -> production.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> production.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .hasMessageContaining("total timeout");
        assertThatThrownBy(() -> production.withTimeouts(Duration.ofSeconds(1), Duration.ofHours(1)))
                .hasMessageContaining("total timeout");
        assertThatThrownBy(() -> production.withMaxRedirects(-1)).hasMessageContaining("redirects");
        assertThatThrownBy(() -> production.withMaxRedirects(11)).hasMessageContaining("redirects");
        assertThatThrownBy(() -> ImageFetchPolicy.production(null)).isInstanceOf(NullPointerException.class);
    }
}
