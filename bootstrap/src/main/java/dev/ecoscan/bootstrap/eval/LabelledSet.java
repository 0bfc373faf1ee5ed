package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.bootstrap.logging.CommandLog;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.simulator.PngTextReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a labelled set. SET is a CSV file {@code image,expected[,tags]} (images relative to it,
 * expected an item id or {@code rejected}, tags separated by {@code ;} or spaces), or a folder: its
 * images are labelled by the PNG text chunks {@code eco-scan:item} and {@code eco-scan:tags} that
 * {@code samples/} carry, and the images of a sub-folder by the sub-folder's name (an item id or
 * {@code rejected}). An image with no label is left out, with a notice.
 */
public final class LabelledSet {

    static final String REJECTED = "rejected";
    static final String ITEM_KEY = "eco-scan:item";
    static final String TAGS_KEY = "eco-scan:tags";

    private static final List<String> IMAGE_TYPES = List.of(".png", ".jpg", ".jpeg", ".webp", ".gif");

    private final Labels labels;
    private final CommandLog notices;

    public LabelledSet(Taxonomy taxonomy, PrintStream notices) {
        this.labels = new Labels(taxonomy);
        this.notices = new CommandLog(notices, "eco-scan.eval");
    }

    /**
     * The set's images in a stable order.
     *
     * @throws IllegalArgumentException when SET is missing, holds no labelled image, or a label is wrong
     */
    public List<LabelledImage> read(Path set) {
        try {
            List<LabelledImage> images;
            if (Files.isRegularFile(set)
                    && set.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                images = csv(set);
            } else if (Files.isDirectory(set)) {
                images = folder(set);
            } else {
                throw new IllegalArgumentException(set + " is neither a folder of images nor a .csv file");
            }
            if (images.isEmpty()) {
                throw new IllegalArgumentException(set + " holds no labelled image");
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<LabelledImage> csv(Path file) throws IOException {
        List<LabelledImage> images = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#") || (number == 1 && line.startsWith("image,"))) {
                continue;
            }
            String[] fields = line.split(",", 3);
            String where = file.getFileName() + " line " + number;
            if (fields.length < 2) {
                throw new IllegalArgumentException(where + ": expected image,expected[,tags]");
            }
            Path image = file.toAbsolutePath().getParent().resolve(fields[0].strip());
            if (!Files.isRegularFile(image)) {
                throw new IllegalArgumentException(where + ": no image at " + image);
            }
            images.add(new LabelledImage(image, labels.written(fields[1], fields.length > 2 ? fields[2] : "", where)));
        }
        return images;
    }

    private List<LabelledImage> folder(Path folder) throws IOException {
        List<LabelledImage> images = new ArrayList<>();
        for (Path entry : sorted(folder)) {
            if (Files.isDirectory(entry)) {
                String name = entry.getFileName().toString();
                for (Path image : sorted(entry)) {
                    if (isImage(image)) {
                        Map<String, String> texts = texts(image);
                        images.add(new LabelledImage(
                                image, labels.written(name, texts.getOrDefault(TAGS_KEY, ""), image.toString())));
                    }
                }
            } else if (isImage(entry)) {
                Map<String, String> texts = texts(entry);
                String item = texts.getOrDefault(ITEM_KEY, "").strip();
                if (item.isEmpty()) {
                    notices.warn(entry + " carries no " + ITEM_KEY + " label; left out");
                } else {
                    images.add(new LabelledImage(
                            entry, labels.carried(item, texts.getOrDefault(TAGS_KEY, ""), entry.toString())));
                }
            }
        }
        return images;
    }

    private static List<Path> sorted(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }

    private static boolean isImage(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && IMAGE_TYPES.stream().anyMatch(name::endsWith);
    }

    private static Map<String, String> texts(Path image) throws IOException {
        return PngTextReader.read(Files.readAllBytes(image));
    }
}
