package dev.ecoscan.adapter.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The pixel work of shrinking one image with the JDK's ImageIO: the dimensions from the header, a
 * {@link Plan} of what decoding will cost, then a subsampled decode (never the full image when it is
 * much larger than the target), a bilinear scale to the target, the EXIF orientation applied (the
 * re-encoded file has no EXIF), and a re-encode: JPEG stays JPEG, PNG and GIF become PNG carrying
 * eco-scan's text chunks.
 */
final class Downscaler {

    /** About one megapixel: more than a vision model looks at in low detail (512 × 512). */
    static final long TARGET_PIXELS = 1024 * 1024;
    /** Larger images are refused from their header: nobody photographs waste at 50 MP. */
    static final long MAX_PIXELS = 50_000_000;

    private static final ConcurrentMap<String, Optional<ImageReaderSpi>> PROVIDERS = new ConcurrentHashMap<>();

    private Downscaler() {}

    /** What decoding an image costs and gives; {@code workingBytes} is everything held beside the encoded bytes. */
    record Plan(
            int width,
            int height,
            int subsampling,
            int targetWidth,
            int targetHeight,
            long workingBytes,
            JpegHeader jpeg) {

        long pixels() {
            return (long) width * height;
        }

        boolean needsShrinking() {
            return pixels() > TARGET_PIXELS;
        }
    }

    /** The header's plan, or empty when ImageIO cannot read the header (then the image is not decoded at all). */
    static Optional<Plan> plan(ByteBuffer bytes, String mediaType) {
        Optional<ImageReader> found = reader(mediaType);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ImageReader reader = found.get();
        try (ByteBufferImageInputStream in = new ByteBufferImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                return Optional.empty();
            }
            JpegHeader jpeg = mediaType.equals("image/jpeg") ? JpegHeader.read(bytes) : JpegHeader.NONE;
            long pixels = (long) width * height;
            if (pixels <= TARGET_PIXELS || pixels > MAX_PIXELS) {
                return Optional.of(new Plan(width, height, 1, width, height, 0, jpeg));
            }
            // Subsample by the largest whole factor that keeps at least the target's pixels, then scale
            // the rest of the way (less than 2x, where bilinear is fine).
            int subsampling = (int) Math.max(1, Math.floor(Math.sqrt((double) pixels / TARGET_PIXELS)));
            double scale = Math.sqrt((double) TARGET_PIXELS / pixels);
            int targetWidth = (int) Math.max(1, Math.floor(width * scale));
            int targetHeight = (int) Math.max(1, Math.floor(height * scale));
            long decoded = ceilDiv(width, subsampling) * ceilDiv(height, subsampling) * bytesPerPixel(reader);
            long scaled = (long) targetWidth * targetHeight * 4;
            long rows = 2L * width * 8;
            // The decoded image, the scaled one, its turned copy when EXIF says so, the encoder's output
            // (at most the raw size), the decoder's row buffers and a progressive JPEG's coefficients.
            long working = decoded + scaled * (jpeg.orientation() == 1 ? 2 : 3) + rows + jpeg.coefficientBytes();
            return Optional.of(new Plan(width, height, subsampling, targetWidth, targetHeight, working, jpeg));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            reader.dispose();
        }
    }

    /** The image shrunk as planned, re-encoded; {@code texts} go into a PNG result as tEXt chunks. */
    static Shrunk shrink(ByteBuffer bytes, String mediaType, Plan plan, Map<String, String> texts) throws IOException {
        ImageReader reader = reader(mediaType).orElseThrow(() -> new IOException("no ImageIO reader for " + mediaType));
        BufferedImage decoded;
        try (ByteBufferImageInputStream in = new ByteBufferImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(plan.subsampling(), plan.subsampling(), 0, 0);
            decoded = reader.read(0, param);
        } finally {
            reader.dispose();
        }
        boolean jpeg = mediaType.equals("image/jpeg");
        BufferedImage scaled = scale(
                decoded,
                plan.targetWidth(),
                plan.targetHeight(),
                !jpeg && decoded.getColorModel().hasAlpha());
        decoded = null;
        BufferedImage turned = ExifOrientation.apply(scaled, plan.jpeg().orientation());
        scaled = null;
        return jpeg
                ? new Shrunk(ImageEncoder.jpeg(turned), "image/jpeg", turned.getWidth(), turned.getHeight())
                : new Shrunk(ImageEncoder.png(turned, texts), "image/png", turned.getWidth(), turned.getHeight());
    }

    record Shrunk(byte[] bytes, String mediaType, int width, int height) {}

    /**
     * A fresh reader for the type, from a provider looked up once per type: ImageIO's registry lookup
     * filters every provider it has on each call, which cost more than reading a small image's header.
     * The types are the few that the sniffer names, so the map stays small.
     */
    private static Optional<ImageReader> reader(String mediaType) {
        Optional<ImageReaderSpi> provider = PROVIDERS.computeIfAbsent(mediaType, type -> {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            return readers.hasNext() ? Optional.of(readers.next().getOriginatingProvider()) : Optional.empty();
        });
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(provider.get().createReaderInstance());
        } catch (IOException e) {
            // The JDK's providers never refuse; one that does reads no image here.
            return Optional.empty();
        }
    }

    /** What one decoded pixel takes, never counted below 4 bytes (8 for 16-bit RGBA). */
    private static long bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 4;
        }
        int bits = 0;
        for (int size : type.getSampleModel().getSampleSize()) {
            bits += size;
        }
        return Math.max(4, (bits + 7) / 8);
    }

    private static BufferedImage scale(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
