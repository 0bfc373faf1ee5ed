package dev.ecoscan.adapter.images;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Turns decoded pixels the way a JPEG's EXIF orientation says they are meant to be seen, since the
 * re-encoded file carries no EXIF.
 */
final class ExifOrientation {

    private ExifOrientation() {}

    /** The pixels as EXIF orientation {@code orientation} says they are meant to be seen. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean transposed = orientation >= 5;
        BufferedImage turned = new BufferedImage(transposed ? h : w, transposed ? w : h, image.getType());
        int[] from = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) turned.getRaster().getDataBuffer()).getData();
        int width = turned.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> {
                        tx = w - 1 - x;
                        ty = y;
                    }
                    case 3 -> {
                        tx = w - 1 - x;
                        ty = h - 1 - y;
                    }
                    case 4 -> {
                        tx = x;
                        ty = h - 1 - y;
                    }
                    case 5 -> {
                        tx = y;
                        ty = x;
                    }
                    case 6 -> {
                        tx = h - 1 - y;
                        ty = x;
                    }
                    case 7 -> {
                        tx = h - 1 - y;
                        ty = w - 1 - x;
                    }
                    default -> {
                        tx = y;
                        ty = w - 1 - x;
                    }
                }
                to[ty * width + tx] = from[y * w + x];
            }
        }
        return turned;
    }
}
