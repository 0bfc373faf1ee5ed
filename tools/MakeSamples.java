// Draws the sample images in samples/: small PNGs, each carrying its item id (and situation tags)
// in PNG tEXt chunks, so fakes and the LLM simulator can classify them without seeing pixels.
// Run from the repository root with a JDK 21+:   java tools/MakeSamples.java
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

public class MakeSamples {

    enum Shape { CARTON, BOTTLE, SHEET, CAN, TRAY, CYLINDER, TUBE, BLOB, BONES, PILLS, SOFA, QUESTION }

    record Sample(String file, String itemId, String tags, Shape shape, Color color, String caption) { }

    static final List<Sample> SAMPLES = List.of(
            new Sample("milk-carton.png", "recyclable.paper-pack.milk-carton", "contents-empty,rinsed",
                    Shape.CARTON, new Color(0x4A90D9), "MILK"),
            new Sample("water-bottle.png", "recyclable.clear-pet.water-bottle", "vinyl-label-attached,cap-on",
                    Shape.BOTTLE, new Color(0xA8D8F0), "WATER"),
            new Sample("newspaper.png", "recyclable.paper.newspaper", "", Shape.SHEET, new Color(0xDDDDDD), "NEWS"),
            new Sample("aluminum-can.png", "recyclable.metal.aluminum-can", "contents-empty",
                    Shape.CAN, new Color(0xC0C0C8), "CAN"),
            new Sample("soju-bottle.png", "recyclable.glass-bottle.soju", "", Shape.BOTTLE, new Color(0x3FA34D), "SOJU"),
            new Sample("styrofoam-food-container.png", "recyclable.styrofoam.food-container", "food-residue",
                    Shape.TRAY, new Color(0xF4F4F4), "FOAM"),
            new Sample("alkaline-battery.png", "recyclable.battery.alkaline", "", Shape.CYLINDER,
                    new Color(0xE8A33D), "AA"),
            new Sample("fluorescent-lamp.png", "recyclable.lighting.straight-fluorescent", "", Shape.TUBE,
                    new Color(0xFFFBE0), "LAMP"),
            new Sample("fruit-peel.png", "food.fruit-peel", "", Shape.BLOB, new Color(0xF2C12E), "PEEL"),
            new Sample("chicken-bones.png", "general.chicken-pork-bones", "", Shape.BONES, new Color(0xEFE6D2), "BONES"),
            new Sample("medicine-pills.png", "hazardous.pills", "", Shape.PILLS, new Color(0xE05A5A), "PILLS"),
            new Sample("sofa.png", "bulky.sofa", "", Shape.SOFA, new Color(0x8B5A3C), "SOFA"),
            new Sample("unknown-gadget.png", "mystery.gadget", "", Shape.QUESTION, new Color(0x7E57C2), "???"));

    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "samples");
        dir.mkdirs();
        for (Sample sample : SAMPLES) {
            write(draw(sample), sample, new File(dir, sample.file()));
            System.out.println("wrote " + new File(dir, sample.file()));
        }
    }

    static BufferedImage draw(Sample s) {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xF3F7F0));
        g.fillRect(0, 0, 96, 96);
        g.setColor(s.color());
        g.setStroke(new BasicStroke(2f));
        switch (s.shape()) {
            case CARTON -> { g.fillRect(30, 22, 36, 52); g.fillPolygon(new int[] {30, 48, 66}, new int[] {22, 8, 22}, 3); }
            case BOTTLE -> { g.fillRoundRect(32, 30, 32, 48, 12, 12); g.fillRect(42, 12, 12, 20); }
            case SHEET -> { g.fillRect(18, 16, 60, 62); g.setColor(Color.GRAY);
                for (int y = 26; y < 74; y += 8) { g.drawLine(24, y, 72, y); } }
            case CAN -> { g.fillRoundRect(32, 16, 32, 60, 10, 10); }
            case TRAY -> { g.fill(new RoundRectangle2D.Double(14, 34, 68, 30, 16, 16)); g.setColor(new Color(0xB5651D));
                g.fillOval(30, 42, 14, 8); }
            case CYLINDER -> { g.fillRect(38, 14, 20, 62); g.setColor(Color.DARK_GRAY); g.fillRect(44, 10, 8, 4); }
            case TUBE -> { g.fillRoundRect(8, 40, 80, 14, 14, 14); g.setColor(Color.GRAY); g.drawRoundRect(8, 40, 80, 14, 14, 14); }
            case BLOB -> { g.fill(new Ellipse2D.Double(20, 28, 56, 36)); }
            case BONES -> { g.fillRoundRect(22, 40, 52, 10, 10, 10); g.fillOval(16, 34, 12, 12); g.fillOval(68, 34, 12, 12); }
            case PILLS -> { for (int i = 0; i < 4; i++) { g.fillRoundRect(18 + i * 16, 30 + (i % 2) * 14, 12, 24, 12, 12); } }
            case SOFA -> { g.fillRect(14, 40, 68, 28); g.fillRect(10, 30, 12, 38); g.fillRect(74, 30, 12, 38); }
            case QUESTION -> { g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48)); g.drawString("?", 36, 62); }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        g.drawString(s.caption(), 48 - g.getFontMetrics().stringWidth(s.caption()) / 2, 91);
        g.dispose();
        return image;
    }

    static void write(BufferedImage image, Sample sample, File file) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        text.appendChild(entry("eco-scan:item", sample.itemId()));
        if (!sample.tags().isEmpty()) {
            text.appendChild(entry("eco-scan:tags", sample.tags()));
        }
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        file.delete();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, metadata));
        }
        writer.dispose();
    }

    static IIOMetadataNode entry(String keyword, String value) {
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("value", value);
        return entry;
    }
}
