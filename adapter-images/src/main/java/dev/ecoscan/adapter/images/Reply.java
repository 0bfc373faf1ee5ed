package dev.ecoscan.adapter.images;

import java.util.Objects;

/** What one HTTP exchange gave: a body to check, a redirect to check and follow, or a refusal. */
sealed interface Reply {

    /** A 200 body within the size limit, with the media type its Content-Type declared. */
    record Body(byte[] bytes, String mediaType) implements Reply {
        public Body {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(mediaType, "mediaType");
        }
    }

    record Redirect(String location) implements Reply {
        public Redirect {
            Objects.requireNonNull(location, "location");
        }
    }

    record Refused(String reason) implements Reply {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The image budget could not take the body now: nothing of it was read. */
    record Overloaded(String reason) implements Reply {
        public Overloaded {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
