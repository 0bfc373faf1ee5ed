package dev.ecoscan.adapter.images;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import java.util.Optional;

/**
 * Checks an image sent inline: within the size limit and the budget, and of the type it was declared
 * as, by its first bytes.
 */
final class InlineImages {

    private final ImageFetchPolicy policy;
    private final Optional<ImageBudget> budget;

    InlineImages(ImageFetchPolicy policy, Optional<ImageBudget> budget) {
        this.policy = policy;
        this.budget = budget;
    }

    ImageLoad.Loaded load(ImageReference.Inline inline) throws FetchRefused {
        if (inline.size() == 0) {
            throw new FetchRefused("the image is empty");
        }
        if (inline.size() > policy.maxBytes()) {
            throw new FetchRefused("the image is larger than " + policy.maxSizeText());
        }
        ImageHold hold = hold(inline.size());
        try {
            byte[] bytes = inline.bytes();
            String sniffed = ImageTypes.sniff(bytes)
                    .orElseThrow(() -> new FetchRefused("the image is not " + ImageTypes.ACCEPTED_TEXT));
            String declared = ImageTypes.essence(inline.mediaType());
            if (!declared.equals(sniffed)) {
                throw new FetchRefused(
                        "the image was declared as " + ImageTypes.quoted(declared) + " but is " + sniffed);
            }
            return new ImageLoad.Loaded(Image.wrap(bytes, sniffed), hold);
        } catch (FetchRefused | RuntimeException e) {
            hold.close();
            throw e;
        }
    }

    /** A hold of bytes already in hand (an inline image's copy). */
    private ImageHold hold(long bytes) throws FetchRefused {
        if (budget.isEmpty()) {
            return ImageHold.NONE;
        }
        if (!budget.get().fits(bytes)) {
            throw new FetchRefused("the image is larger than this service's image memory ("
                    + budget.get().capacityText() + ")");
        }
        return budget.get()
                .tryHold(bytes)
                .orElseThrow(() -> FetchRefused.overloaded("eco-scan holds as many image bytes as its memory allows ("
                        + budget.get().capacityText() + ")"));
    }
}
