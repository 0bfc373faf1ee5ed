package dev.ecoscan.testkit;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An image source that loads what the test scripted for any reference, and remembers every reference. */
public final class CannedImages implements ImageSource {

    /** A few bytes standing for a photo: scripted classifiers never look at them. */
    public static final Image PHOTO = new Image(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");

    private final Function<ImageReference, ImageLoad> script;
    private final List<ImageReference> references = new CopyOnWriteArrayList<>();

    /**
     * Loads each reference as {@code script} says.
     *
     * @param script the load for a reference
     */
    public CannedImages(Function<ImageReference, ImageLoad> script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * Loads {@link #PHOTO} for every reference, held by nothing.
     *
     * @return a source that loads the same photo for any reference
     */
    public static CannedImages anyPhoto() {
        return new CannedImages(reference -> new ImageLoad.Loaded(PHOTO));
    }

    /**
     * Finds no reference readable, like a host that answers 404.
     *
     * @param reason what the source says is wrong
     * @return a source that reads nothing
     */
    public static CannedImages unreadable(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new CannedImages(reference -> new ImageLoad.Unreadable(reason));
    }

    @Override
    public ImageLoad load(ImageReference reference) {
        references.add(reference);
        return script.apply(reference);
    }

    /**
     * Every reference the pipeline asked for, in order.
     *
     * @return the references
     */
    public List<ImageReference> references() {
        return List.copyOf(references);
    }
}
