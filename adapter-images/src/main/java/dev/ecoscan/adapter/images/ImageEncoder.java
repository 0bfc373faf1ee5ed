package dev.ecoscan.adapter.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

/** Encodes a shrunk image with ImageIO: JPEG at a fixed quality, or PNG carrying eco-scan's text chunks. */
final class ImageEncoder {

    private static final float JPEG_QUALITY = 0.85f;
    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private ImageEncoder() {}

    static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayImageOutputStream out =
                new ByteArrayImageOutputStream(image.getWidth() * image.getHeight() / 4)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return out.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** A PNG with {@code texts} as tEXt chunks, keyword to text. */
    static byte[] png(BufferedImage image, Map<String, String> texts) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayImageOutputStream out = new ByteArrayImageOutputStream(image.getWidth() * image.getHeight())) {
            writer.setOutput(out);
            IIOMetadata metadata = null;
            if (!texts.isEmpty()) {
                metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
                IIOMetadataNode text = new IIOMetadataNode("tEXt");
                texts.forEach((keyword, value) -> {
                    IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                    entry.setAttribute("keyword", keyword);
                    entry.setAttribute("value", value);
                    text.appendChild(entry);
                });
                IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
                root.appendChild(text);
                metadata.mergeTree(PNG_METADATA, root);
            }
            writer.write(null, new IIOImage(image, null, metadata), null);
            out.flush();
            return out.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
