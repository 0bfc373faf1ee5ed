package dev.ecoscan.adapter.images;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps any {@link ImageSource} so that every image it loads is held in the {@link ImageBudget} and
 * is no larger than the vision model needs.
 *
 * <ul>
 *   <li>An image the source did not hold (a source without the budget) is held here at its size.</li>
 *   <li>A PNG, JPEG or GIF over about one megapixel ({@link Downscaler#TARGET_PIXELS}) is shrunk to it,
 *       keeping its aspect ratio: JPEG stays JPEG, PNG and GIF become PNG carrying eco-scan's
 *       {@code tEXt} chunks (the labels the built-in simulator reads). Smaller images, and types the
 *       JDK cannot decode (WebP), pass through untouched, held at their size.</li>
 *   <li>Decoding is bounded before it starts: the dimensions come from the header, an image over
 *       {@link Downscaler#MAX_PIXELS} is refused, and so is one whose decoding would not fit in the
 *       budget however empty; the decode is subsampled, so a 12 MP photo is never decoded at 48 MB.
 *       What decoding needs is added to the image's hold first; if the budget cannot take it now the
 *       load is {@code Overloaded}. Once shrunk, the hold is settled on the small re-encoded image.</li>
 *   <li>An image ImageIO fails to decode goes on as it came, as before eco-scan decoded anything: the
 *       provider judges it.</li>
 * </ul>
 *
 * <p>The pixel work runs on a small pool of platform threads, one per core, not on the caller's
 * virtual thread: decoding is CPU work (native, for JPEG) that would otherwise hold the carrier
 * threads every virtual thread of the service needs. Close the source to stop the pool.
 */
public final class DownscalingImageSource implements ImageSource, AutoCloseable {

    private final ImageSource delegate;
    private final ImageBudget budget;
    private final ExecutorService workers;

    public DownscalingImageSource(ImageSource delegate, ImageBudget budget) {
        this(delegate, budget, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    DownscalingImageSource(ImageSource delegate, ImageBudget budget, int threads) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.budget = Objects.requireNonNull(budget, "budget");
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(
                threads,
                task -> Thread.ofPlatform()
                        .daemon()
                        .name("image-shrink-" + number.incrementAndGet())
                        .unstarted(task));
    }

    @Override
    public ImageLoad load(ImageReference reference) {
        ImageLoad load = delegate.load(reference);
        if (!(load instanceof ImageLoad.Loaded loaded)) {
            return load;
        }
        ImageHold hold = loaded.hold();
        if (hold == ImageHold.NONE) {
            Optional<ImageLoad> refused = refusal(loaded.image().size(), "the image");
            if (refused.isPresent()) {
                return refused.get();
            }
            hold = budget.tryHold(loaded.image().size()).orElse(null);
            if (hold == null) {
                return overloaded();
            }
            loaded = new ImageLoad.Loaded(loaded.image(), hold);
        }
        try {
            return fit(loaded);
        } catch (RuntimeException | Error e) {
            hold.close();
            throw e;
        }
    }

    /** Stops the pool; pixel work under way finishes. */
    @Override
    public void close() {
        workers.shutdown();
    }

    /** The image as the vision step gets it; whatever is not {@code Loaded} has given its hold back (or will). */
    private ImageLoad fit(ImageLoad.Loaded loaded) {
        Image image = loaded.image();
        Optional<Downscaler.Plan> planned = Downscaler.plan(image.view(), image.mediaType());
        if (planned.isEmpty() || !planned.get().needsShrinking()) {
            return loaded;
        }
        Downscaler.Plan plan = planned.get();
        ImageHold hold = loaded.hold();
        if (plan.pixels() > Downscaler.MAX_PIXELS) {
            hold.close();
            return new ImageLoad.Unreadable("the image is " + plan.width() + " × " + plan.height()
                    + " pixels; eco-scan takes images of at most " + Downscaler.MAX_PIXELS / 1_000_000 + " megapixels");
        }
        long encoded = hold.bytes();
        Optional<ImageLoad> refused = refusal(
                encoded + plan.workingBytes(), "shrinking the " + plan.width() + " × " + plan.height() + " image");
        if (refused.isPresent()) {
            hold.close();
            return refused.get();
        }
        if (!hold.resizeTo(encoded + plan.workingBytes())) {
            hold.close();
            return overloaded();
        }
        Map<String, String> texts = image.mediaType().equals("image/png") ? PngTextChunks.read(image.view()) : Map.of();
        CompletableFuture<Downscaler.Shrunk> work = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return Downscaler.shrink(image.view(), image.mediaType(), plan, texts);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                workers);
        Downscaler.Shrunk shrunk;
        try {
            shrunk = work.get();
        } catch (InterruptedException e) {
            // The scan gave up (its deadline); the pixel work still holds its memory until it ends.
            work.whenComplete((result, failure) -> hold.close());
            Thread.currentThread().interrupt();
            return new ImageLoad.Unreadable("shrinking the image was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            // ImageIO could not decode it: on as it came, held at its encoded size.
            hold.resizeTo(encoded);
            return loaded;
        }
        hold.resizeTo(shrunk.bytes().length);
        return new ImageLoad.Loaded(Image.wrap(shrunk.bytes(), shrunk.mediaType()), hold);
    }

    /** Unreadable when {@code bytes} could never fit in the budget, however empty. */
    private Optional<ImageLoad> refusal(long bytes, String what) {
        if (budget.fits(bytes)) {
            return Optional.empty();
        }
        return Optional.of(new ImageLoad.Unreadable(what + " would take " + ImageBudget.sizeText(bytes)
                + ", more than this service's image memory (" + budget.capacityText() + ")"));
    }

    private ImageLoad overloaded() {
        return new ImageLoad.Overloaded(
                "eco-scan holds as many image bytes as its memory allows (" + budget.capacityText() + ")");
    }
}
