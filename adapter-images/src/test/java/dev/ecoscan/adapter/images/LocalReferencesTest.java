package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline images are checked like downloaded ones; local files are never read. */
class LocalReferencesTest {

    private final SafeUrlImageSource source =
            new SafeUrlImageSource(ImageFetchPolicy.production(Set.of("images.example.com")));

    @AfterEach
    void stop() {
        source.close();
    }

    @Test
    void a_valid_inline_png_is_accepted() {
        byte[] png = TestImages.png();

        assertThat(source.load(new ImageReference.Inline(png, "image/png")))
                .isEqualTo(new ImageLoad.Loaded(new Image(png, "image/png")));
    }

    @Test
    void an_inline_type_with_parameters_is_accepted() {
        byte[] jpeg = TestImages.jpeg();

        assertThat(source.load(new ImageReference.Inline(jpeg, "Image/JPEG; q=1")))
                .isEqualTo(new ImageLoad.Loaded(new Image(jpeg, "image/jpeg")));
    }

    @Test
    void inline_garbage_is_refused() {
        ImageLoad load = source.load(new ImageReference.Inline("<html>not an image</html>".getBytes(), "image/png"));

        assertThat(load).isEqualTo(new ImageLoad.Unreadable("the image is not a PNG, JPEG, GIF or WebP image"));
    }

    @Test
    void an_inline_image_declared_as_another_type_is_refused() {
        ImageLoad load = source.load(new ImageReference.Inline(TestImages.jpeg(), "image/png"));

        assertThat(load).isEqualTo(new ImageLoad.Unreadable("the image was declared as image/png but is image/jpeg"));
    }

    @Test
    void an_empty_inline_image_is_refused() {
        assertThat(source.load(new ImageReference.Inline(new byte[0], "image/png")))
                .isEqualTo(new ImageLoad.Unreadable("the image is empty"));
    }

    @Test
    void an_inline_image_over_the_limit_is_refused() {
        byte[] png = TestImages.png();
        byte[] large = Arrays.copyOf(png, 200);
        try (SafeUrlImageSource small =
                new SafeUrlImageSource(ImageFetchPolicy.production(Set.of()).withMaxBytes(100))) {

            assertThat(small.load(new ImageReference.Inline(large, "image/png")))
                    .isEqualTo(new ImageLoad.Unreadable("the image is larger than 100 bytes"));
        }
    }

    @Test
    void local_files_are_refused_even_when_they_exist(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("milk.png"), TestImages.png());

        assertThat(source.load(new ImageReference.File(file)))
                .isEqualTo(new ImageLoad.Unreadable("local files are not accepted by the service"));
        assertThat(source.load(ImageReference.parse("/etc/passwd")))
                .isEqualTo(new ImageLoad.Unreadable("local files are not accepted by the service"));
    }
}
