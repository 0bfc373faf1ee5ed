package dev.ecoscan.adapter.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Dev mode's sample images, read from their folder once and then served from memory: a dozen small
 * PNGs that a bench or a demo asks for on every scan, so reading the file each time was wasted work.
 * Only plain file names are served, so no request can name a path outside the folder.
 */
final class SampleImages {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.png");
    /** A sample is a photo of one item; anything larger is not one of ours. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private final Path folder;
    private final Map<String, byte[]> read = new ConcurrentHashMap<>();

    SampleImages(Path folder) {
        this.folder = folder;
    }

    /** The names of the samples the folder holds now, sorted; none when it cannot be read. */
    static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> NAME.matcher(name).matches())
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The bytes of a sample, or a 404 problem. The returned array must not be changed. */
    byte[] png(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "no such sample");
        }
        byte[] known = read.get(name);
        return known != null ? known : readOnce(name);
    }

    private byte[] readOnce(String name) {
        Path file = folder.resolve(name);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no such sample: " + name);
            }
            byte[] png = Files.readAllBytes(file);
            read.putIfAbsent(name, png);
            return png;
        } catch (IOException e) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "the sample cannot be read");
        }
    }
}
