package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A fetch holds its image in the budget from before its body is read, and gives it back on every refusal. */
class BudgetedFetchTest {

    private final LoopbackImageServer server = new LoopbackImageServer();
    private final ImageBudget budget = new ImageBudget(1024 * 1024);
    private final SafeUrlImageSource source = new SafeUrlImageSource(
            ImageFetchPolicy.dev().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)),
            FixedResolver.withLocalhost(),
            Optional.of(budget));

    @AfterEach
    void stop() {
        source.close();
        server.close();
    }

    @Test
    void a_fetched_image_is_held_at_its_content_length_until_the_load_is_closed() {
        byte[] png = TestImages.png();
        server.route("/milk.png", LoopbackImageServer.image("image/png", png));

        try (ImageLoad load = source.load(url("/milk.png"))) {
            assertThat(load).isInstanceOfSatisfying(ImageLoad.Loaded.class, loaded -> {
                assertThat(loaded.image()).isEqualTo(new Image(png, "image/png"));
                assertThat(loaded.hold().bytes()).isEqualTo(png.length);
            });
            assertThat(budget.inUse()).isEqualTo(png.length);
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void a_body_without_a_length_holds_the_cap_while_it_is_read_and_is_settled_on_its_real_size() {
        byte[] png = TestImages.png();
        server.route("/chunked.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(png);
            }
        });

        try (ImageLoad load = source.load(url("/chunked.png"))) {
            assertThat(load).isInstanceOf(ImageLoad.Loaded.class);
            assertThat(budget.peak())
                    .as("the budget is smaller than the 10 MiB cap, so the cap is the budget")
                    .isEqualTo(budget.capacity());
            assertThat(budget.inUse()).isEqualTo(png.length);
        }
    }

    @Test
    void when_the_budget_cannot_take_the_declared_length_the_fetch_is_overloaded_at_once() {
        byte[] png = TestImages.png();
        server.route("/milk.png", LoopbackImageServer.image("image/png", png));
        ImageHold others = budget.tryHold(budget.capacity() - png.length + 1).orElseThrow();

        ImageLoad load = source.load(url("/milk.png"));

        assertThat(load)
                .isEqualTo(new ImageLoad.Overloaded("eco-scan holds as many image bytes as its memory allows (1 MiB)"));
        assertThat(budget.inUse()).isEqualTo(others.bytes());
        others.close();
    }

    @Test
    void a_declared_length_larger_than_the_whole_budget_is_unreadable_not_overloaded() {
        server.route("/huge.png", new LoopbackImageServer.Flood(2 * 1024 * 1024, true));

        assertThat(source.load(url("/huge.png")))
                .isEqualTo(new ImageLoad.Unreadable("the image is larger than this service's image memory (1 MiB)"));
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void refused_bodies_give_their_hold_back() {
        server.route("/lies.png", LoopbackImageServer.image("image/png", TestImages.jpeg()));
        server.route("/flood.png", new LoopbackImageServer.Flood(4 * 1024 * 1024, false));
        server.route("/stalls.png", server.stallAfterHeaders());

        assertThat(source.load(url("/lies.png"))).isInstanceOf(ImageLoad.Unreadable.class);
        assertThat(source.load(url("/flood.png"))).isInstanceOf(ImageLoad.Unreadable.class);
        assertThat(source.load(url("/stalls.png"))).isInstanceOf(ImageLoad.Unreadable.class);

        assertThat(budget.inUse()).isZero();
    }

    @Test
    void an_inline_image_is_held_at_its_size() {
        byte[] png = TestImages.png();

        try (ImageLoad load = source.load(new ImageReference.Inline(png, "image/png"))) {
            assertThat(load).isInstanceOf(ImageLoad.Loaded.class);
            assertThat(budget.inUse()).isEqualTo(png.length);
        }
        assertThat(budget.inUse()).isZero();
    }

    private ImageReference url(String path) {
        return ImageReference.parse(server.url(path));
    }
}
