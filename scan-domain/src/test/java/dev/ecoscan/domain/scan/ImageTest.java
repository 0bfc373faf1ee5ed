package dev.ecoscan.domain.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class ImageTest {

    @Test
    void the_constructor_and_bytes_copy_so_an_image_cannot_be_changed_from_outside() {
        byte[] bytes = {1, 2, 3};
        Image image = new Image(bytes, "image/png");

        bytes[0] = 9;
        image.bytes()[1] = 9;

        assertThat(image.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void wrap_takes_the_bytes_over_and_view_reads_them_in_place_read_only() {
        byte[] bytes = {1, 2, 3};
        Image image = Image.wrap(bytes, "image/png");
        ByteBuffer view = image.view();

        assertThat(image).isEqualTo(new Image(new byte[] {1, 2, 3}, "image/png"));
        assertThat(view.remaining()).isEqualTo(3);
        assertThat(view.get(2)).isEqualTo((byte) 3);
        assertThat(view.isReadOnly()).isTrue();
        assertThatThrownBy(() -> view.put(0, (byte) 7)).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(image.size()).isEqualTo(3);
    }

    @Test
    void an_empty_image_is_refused_either_way() {
        assertThatThrownBy(() -> new Image(new byte[0], "image/png")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Image.wrap(new byte[0], "image/png")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closing_a_load_closes_its_hold_and_other_loads_hold_nothing() {
        boolean[] closed = {false};
        ImageHold hold = new ImageHold() {
            @Override
            public long bytes() {
                return 3;
            }

            @Override
            public boolean resizeTo(long bytes) {
                return false;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new ImageLoad.Loaded(new Image(new byte[] {1, 2, 3}, "image/png"), hold).close();
        new ImageLoad.Overloaded("full").close();

        assertThat(closed[0]).isTrue();
        assertThat(new ImageLoad.Loaded(new Image(new byte[] {1}, "image/png")).hold())
                .isSameAs(ImageHold.NONE);
        assertThat(ImageHold.NONE.resizeTo(Long.MAX_VALUE)).isTrue();
    }
}
