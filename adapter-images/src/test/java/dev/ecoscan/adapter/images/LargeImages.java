package dev.ecoscan.adapter.images;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/** Images of camera size, and hostile ones, for the downscaler's tests. */
final class LargeImages {

    private LargeImages() {}

    /** A smooth picture with a little texture, encoded as {@code format} ("png" or "jpeg"). */
    static byte[] photo(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = x * 255 / width;
                int g = y * 255 / height;
                int b = ((x / 50 + y / 50) % 2) * 120 + ((x * 7 + y * 13) % 16);
                pixels[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        return encode(image, format);
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A grey PNG that declares {@code width} × {@code height} and holds only zeros, so the file is tiny
     * and the decoded image is not: a decompression bomb. {@code rows} rows of data are really there
     * (all of them for a bomb that decodes, a few for one whose header alone must refuse it).
     */
    static byte[] greyBomb(int width, int height, int rows) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9), 64 * 1024)) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < rows; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** Bytes that start like a WebP file; nothing in the JDK decodes WebP. */
    static byte[] webp(int size) {
        byte[] bytes = new byte[size];
        ByteBuffer.wrap(bytes)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(Integer.reverseBytes(size - 8))
                .put("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
        for (int i = 16; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    /** The JPEG with an EXIF segment saying how it is meant to be turned (1-8), right after its SOI. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer exif = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        exif.putShort((short) 0xFFE1).putShort((short) (exif.capacity() - 2));
        exif.put("Exif".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0);
        exif.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        exif.putShort((short) 1);
        exif.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        exif.putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(exif.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typed = new byte[4 + data.length];
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, typed, 0, 4);
        System.arraycopy(data, 0, typed, 4, data.length);
        CRC32 crc = new CRC32();
        crc.update(typed);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typed);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
