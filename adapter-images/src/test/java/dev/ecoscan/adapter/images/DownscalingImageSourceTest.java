package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.testkit.PngText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Images are held in the budget and shrunk to what the vision model needs, with their decoding bounded. */
class DownscalingImageSourceTest {

    private static final long MIB = 1024 * 1024;
    private static final ImageReference ANY = new ImageReference.Url(URI.create("https://img.example/a"));

    private final ImageBudget budget = new ImageBudget(256 * MIB);
    private DownscalingImageSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void a_4000_by_3000_png_carrying_its_item_is_shrunk_to_about_a_megapixel_and_still_carries_it() throws IOException {
        byte[] png = PngText.write(
                PngText.write(
                        LargeImages.photo(4000, 3000, "png"), PngText.ITEM_KEY, "recyclable.paper-pack.milk-carton"),
                PngText.TAGS_KEY,
                "contents-empty");
        source = over(png, "image/png");

        try (ImageLoad load = source.load(ANY)) {
            Image image = loaded(load).image();
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));

            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat((long) decoded.getWidth() * decoded.getHeight())
                    .isLessThanOrEqualTo(Downscaler.TARGET_PIXELS)
                    .isGreaterThan(Downscaler.TARGET_PIXELS * 9 / 10);
            assertThat((double) decoded.getWidth() / decoded.getHeight()).isCloseTo(4.0 / 3, Offset.offset(0.01));
            assertThat(PngText.read(image.bytes()))
                    .containsEntry(PngText.ITEM_KEY, "recyclable.paper-pack.milk-carton")
                    .containsEntry(PngText.TAGS_KEY, "contents-empty");
            assertThat(budget.inUse())
                    .as("held at the shrunk size, not the original's")
                    .isEqualTo(image.size());
            assertThat(image.size()).isLessThan(png.length);
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void a_12_mp_jpeg_stays_a_jpeg_of_about_a_megapixel_and_is_never_decoded_whole() throws IOException {
        byte[] jpeg = LargeImages.photo(4000, 3000, "jpeg");
        Downscaler.Plan plan =
                Downscaler.plan(ByteBuffer.wrap(jpeg), "image/jpeg").orElseThrow();

        long before = allocatedByThisThread();
        Downscaler.Shrunk shrunk =
                Downscaler.shrink(java.nio.ByteBuffer.wrap(jpeg), "image/jpeg", plan, java.util.Map.of());
        long allocated = allocatedByThisThread() - before;

        assertThat(plan.subsampling()).isEqualTo(3);
        assertThat(shrunk.mediaType()).isEqualTo("image/jpeg");
        assertThat((long) shrunk.width() * shrunk.height()).isLessThanOrEqualTo(Downscaler.TARGET_PIXELS);
        assertThat(allocated).as("a whole decode would allocate 36-48 MB").isLessThan(30 * MIB);
        assertThat(plan.workingBytes()).isLessThan(20 * MIB);
    }

    @Test
    void a_small_image_is_passed_on_untouched() {
        byte[] png = TestImages.png();
        source = over(png, "image/png");

        try (ImageLoad load = source.load(ANY)) {
            assertThat(loaded(load).image().bytes()).isEqualTo(png);
            assertThat(budget.inUse()).isEqualTo(png.length);
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void a_webp_is_passed_on_untouched_and_held_at_its_size() {
        byte[] webp = LargeImages.webp(3 * (int) MIB);
        source = over(webp, "image/webp");

        try (ImageLoad load = source.load(ANY)) {
            assertThat(loaded(load).image()).isEqualTo(new Image(webp, "image/webp"));
            assertThat(budget.inUse()).isEqualTo(webp.length);
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void a_png_declaring_a_huge_size_in_a_tiny_file_is_refused_from_its_header() {
        byte[] bomb = LargeImages.greyBomb(60_000, 60_000, 4);
        source = over(bomb, "image/png");

        ImageLoad load = source.load(ANY);

        assertThat(bomb.length).isLessThan(2048);
        assertThat(load)
                .isInstanceOfSatisfying(
                        ImageLoad.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason())
                                .isEqualTo(
                                        "the image is 60000 × 60000 pixels; eco-scan takes images of at most 50 megapixels"));
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void a_bomb_under_the_pixel_limit_is_decoded_subsampled_within_a_few_megabytes() {
        byte[] bomb = LargeImages.greyBomb(7000, 7000, 7000);
        source = over(bomb, "image/png");

        try (ImageLoad load = source.load(ANY)) {
            assertThat(loaded(load).image().mediaType()).isEqualTo("image/png");
        }
        assertThat(bomb.length)
                .as("49 million zeros compress to almost nothing")
                .isLessThan(200_000);
        assertThat(budget.peak()).as("decoded whole it would take 196 MB").isLessThan(16 * MIB);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void an_image_whose_decoding_cannot_fit_in_the_budget_at_all_is_refused() {
        ImageBudget small = new ImageBudget(4 * MIB);
        byte[] png = LargeImages.photo(4000, 3000, "png");
        source = new DownscalingImageSource(reference -> new ImageLoad.Loaded(new Image(png, "image/png")), small, 1);

        ImageLoad load = source.load(ANY);

        assertThat(load)
                .isInstanceOfSatisfying(
                        ImageLoad.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason())
                                .contains("more than this service's image memory (4 MiB)"));
        assertThat(small.inUse()).isZero();
    }

    @Test
    void when_the_budget_cannot_take_the_decoding_now_the_load_is_overloaded_and_holds_nothing() {
        byte[] png = LargeImages.photo(4000, 3000, "png");
        ImageHold other = budget.tryHold(budget.capacity() - png.length - MIB).orElseThrow();
        source = over(png, "image/png");

        ImageLoad load = source.load(ANY);

        assertThat(load).isInstanceOf(ImageLoad.Overloaded.class);
        assertThat(budget.inUse()).isEqualTo(other.bytes());
        other.close();
    }

    @Test
    void an_image_no_source_held_is_overloaded_when_the_budget_is_full() {
        ImageHold everything = budget.tryHold(budget.capacity()).orElseThrow();
        source = over(TestImages.png(), "image/png");

        assertThat(source.load(ANY)).isInstanceOf(ImageLoad.Overloaded.class);
        everything.close();
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void the_hold_the_source_took_is_the_one_that_is_settled_and_given_back() {
        byte[] png = LargeImages.photo(3000, 2000, "png");
        ImageHold fetched = budget.tryHold(png.length).orElseThrow();
        source = new DownscalingImageSource(
                reference -> new ImageLoad.Loaded(new Image(png, "image/png"), fetched), budget, 1);

        try (ImageLoad load = source.load(ANY)) {
            assertThat(loaded(load).hold()).isSameAs(fetched);
            assertThat(fetched.bytes()).isEqualTo(loaded(load).image().size());
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void a_turned_phone_photo_comes_out_the_way_up_its_exif_says() throws IOException {
        byte[] landscape = LargeImages.withOrientation(LargeImages.photo(2000, 1000, "jpeg"), 6);
        source = over(landscape, "image/jpeg");

        try (ImageLoad load = source.load(ANY)) {
            BufferedImage shrunk =
                    ImageIO.read(new ByteArrayInputStream(loaded(load).image().bytes()));

            assertThat(shrunk.getHeight()).as("portrait once turned").isGreaterThan(shrunk.getWidth());
        }
    }

    @Test
    void what_imageio_cannot_decode_goes_on_as_it_came() {
        byte[] png = LargeImages.photo(3000, 2000, "png");
        byte[] truncated = Arrays.copyOf(png, 200);
        source = over(truncated, "image/png");

        try (ImageLoad load = source.load(ANY)) {
            assertThat(loaded(load).image().bytes()).isEqualTo(truncated);
            assertThat(budget.inUse()).isEqualTo(truncated.length);
        }
    }

    @Test
    void loads_that_failed_upstream_are_passed_on() {
        source = new DownscalingImageSource(reference -> new ImageLoad.Unreadable("404"), budget, 1);

        assertThat(source.load(ANY)).isEqualTo(new ImageLoad.Unreadable("404"));
        assertThat(budget.inUse()).isZero();
    }

    private DownscalingImageSource over(byte[] bytes, String mediaType) {
        ImageSource upstream = reference -> new ImageLoad.Loaded(new Image(bytes, mediaType));
        return new DownscalingImageSource(upstream, budget, 1);
    }

    private static ImageLoad.Loaded loaded(ImageLoad load) {
        assertThat(load).isInstanceOf(ImageLoad.Loaded.class);
        return (ImageLoad.Loaded) load;
    }

    private static long allocatedByThisThread() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
