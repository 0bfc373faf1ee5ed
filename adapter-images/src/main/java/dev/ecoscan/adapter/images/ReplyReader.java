package dev.ecoscan.adapter.images;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;

/**
 * Judges a response by its status and headers before any of its body is read: a redirect, a refusal
 * (wrong status, wrong type, declared too large), or a body worth reading under the size cap. A body
 * is read straight into one array, of the declared length when there is one, else grown as it arrives
 * and trimmed once; reading stops one byte past the cap, so a body that lies about its length, or has
 * none, is never read further. A reply judged without its body leaves the body unread, and the
 * exchange then closes the connection instead of draining it.
 *
 * <p>With an image budget, a body is only read once the budget holds room for it: its
 * {@code Content-Length} when declared, else the size cap, settled on the real size when the body is
 * complete. One reader serves one exchange, on the fetching thread; the hold it took is the caller's
 * to {@linkplain #takeHold take} with the body, or to {@linkplain #abandon give back} when the
 * exchange ends any other way.
 */
final class ReplyReader implements HttpClientResponseHandler<Reply> {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final int maxBytes;
    private final String tooLarge;
    private final Optional<ImageBudget> budget;
    private ImageHold held;

    ReplyReader(ImageFetchPolicy policy, Optional<ImageBudget> budget) {
        this.maxBytes = policy.maxBytes();
        this.tooLarge = "the image is larger than " + policy.maxSizeText();
        this.budget = budget;
    }

    /** The hold the body was read under ({@link ImageHold#NONE} without a budget); the caller owns it now. */
    ImageHold takeHold() {
        ImageHold hold = held == null ? ImageHold.NONE : held;
        held = null;
        return hold;
    }

    /** Gives back the hold, if one is still held. */
    void abandon() {
        if (held != null) {
            held.close();
            held = null;
        }
    }

    @Override
    public Reply handleResponse(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (REDIRECTS.contains(status)) {
            Header location = response.getFirstHeader("Location");
            return location == null
                    ? new Reply.Refused("the image server redirected without a Location header")
                    : new Reply.Redirect(location.getValue());
        }
        if (status != 200) {
            return new Reply.Refused("the image server answered HTTP " + status);
        }
        Header[] types = response.getHeaders("Content-Type");
        if (types.length != 1) {
            return new Reply.Refused(
                    types.length == 0
                            ? "the image server sent no Content-Type"
                            : "the image server sent more than one Content-Type");
        }
        String type = ImageTypes.essence(types[0].getValue());
        if (!ImageTypes.ACCEPTED.contains(type)) {
            return new Reply.Refused(
                    "the image server sent " + ImageTypes.quoted(type) + ", not " + ImageTypes.ACCEPTED_TEXT);
        }
        OptionalLong length;
        try {
            Header declared = response.getFirstHeader("Content-Length");
            length = declared == null
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(declared.getValue().strip()));
        } catch (NumberFormatException e) {
            return new Reply.Refused("the image server sent an invalid Content-Length");
        }
        if (length.isPresent() && length.getAsLong() > maxBytes) {
            return new Reply.Refused(tooLarge);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new Reply.Body(new byte[0], type);
        }
        if (budget.isEmpty()) {
            return read(entity, maxBytes, type, tooLarge, length.orElse(0), ImageHold.NONE);
        }
        ImageBudget images = budget.get();
        // Without a Content-Length the cap is reserved; a budget smaller than the cap is the cap then.
        int cap = length.isPresent() ? (int) length.getAsLong() : (int) Math.min(maxBytes, images.capacity());
        if (!images.fits(cap)) {
            return new Reply.Refused(
                    "the image is larger than this service's image memory (" + images.capacityText() + ")");
        }
        Optional<ImageHold> hold = images.tryHold(cap);
        if (hold.isEmpty()) {
            return new Reply.Overloaded(
                    "eco-scan holds as many image bytes as its memory allows (" + images.capacityText() + ")");
        }
        held = hold.get();
        String capped = cap < maxBytes && length.isEmpty()
                ? "the image is larger than this service's image memory (" + images.capacityText() + ")"
                : tooLarge;
        return read(entity, cap, type, capped, length.orElse(0), held);
    }

    private static Reply read(HttpEntity entity, int cap, String type, String tooLarge, long expected, ImageHold hold)
            throws IOException {
        byte[] bytes = new byte[(int) Math.min(expected > 0 ? expected : 8192, cap)];
        int count = 0;
        // Not closed here: closing would drain what is left of a body over the cap. The exchange
        // drops the connection of a body left unread; a body read to its end has given it back.
        InputStream body = entity.getContent();
        while (true) {
            if (count == bytes.length) {
                if (count == cap) {
                    // Full to the cap: one more byte means too large; none means it fitted exactly.
                    if (body.read() != -1) {
                        return new Reply.Refused(tooLarge);
                    }
                    break;
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min((long) bytes.length * 2, cap));
            }
            int read = body.read(bytes, count, bytes.length - count);
            if (read == -1) {
                break;
            }
            count += read;
        }
        byte[] whole = count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
        hold.resizeTo(whole.length);
        return new Reply.Body(whole, type);
    }
}
