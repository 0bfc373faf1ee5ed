package dev.ecoscan.adapter.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small real images, drawn by the JDK, for tests. */
final class TestImages {

    private TestImages() {}

    static byte[] png() {
        return encode("png");
    }

    static byte[] jpeg() {
        return encode("jpeg");
    }

    static byte[] gif() {
        return encode("gif");
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x2e7d32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
