package dev.ecoscan.domain.port;

import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/** The result of loading an image. */
public sealed interface ImageLoad {

    record Loaded(Image image) implements ImageLoad {
        public Loaded {
            Objects.requireNonNull(image, "image");
        }
    }

    /** Missing, too large, not an image, or refused (an address the service must not fetch). */
    record Unreadable(String reason) implements ImageLoad {
        public Unreadable {
            reason = Texts.requireText(reason, "reason");
        }
    }
}
