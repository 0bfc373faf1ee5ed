package dev.ecoscan.adapter.images;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Judges a response by its status and headers before any of its body is read: a redirect, a refusal
 * (wrong status, wrong type, declared too large), or a body worth reading under the size cap.
 *
 * <p>With an image budget, a body is only read once the budget holds room for it: its
 * {@code Content-Length} when declared, else the size cap, settled on the real size when the body
 * is complete. One handler serves one exchange; the hold it took is the caller's to
 * {@linkplain #takeHold take} with the body, or to {@linkplain #abandon give back} when the exchange
 * ends any other way (a timeout may even come before the headers do).
 */
final class ReplyHandler implements HttpResponse.BodyHandler<Reply> {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final int maxBytes;
    private final String tooLarge;
    private final Optional<ImageBudget> budget;
    private ImageHold held;
    private boolean abandoned;

    ReplyHandler(ImageFetchPolicy policy) {
        this(policy, Optional.empty());
    }

    ReplyHandler(ImageFetchPolicy policy, Optional<ImageBudget> budget) {
        this.maxBytes = policy.maxBytes();
        this.tooLarge = "the image is larger than " + policy.maxSizeText();
        this.budget = budget;
    }

    /** The hold the body was read under ({@link ImageHold#NONE} without a budget); the caller owns it now. */
    synchronized ImageHold takeHold() {
        ImageHold hold = held == null ? ImageHold.NONE : held;
        held = null;
        return hold;
    }

    /** Gives back the hold, now or, if the headers have not arrived yet, as soon as it is taken. */
    synchronized void abandon() {
        abandoned = true;
        if (held != null) {
            held.close();
            held = null;
        }
    }

    private synchronized boolean keep(ImageHold hold) {
        if (abandoned) {
            hold.close();
            return false;
        }
        held = hold;
        return true;
    }

    @Override
    public HttpResponse.BodySubscriber<Reply> apply(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        HttpHeaders headers = info.headers();
        if (REDIRECTS.contains(status)) {
            return headers.firstValue("location")
                    .map(location -> unread(new Reply.Redirect(location)))
                    .orElseGet(
                            () -> unread(new Reply.Refused("the image server redirected without a Location header")));
        }
        if (status != 200) {
            return unread(new Reply.Refused("the image server answered HTTP " + status));
        }
        List<String> types = headers.allValues("content-type");
        if (types.size() != 1) {
            return unread(new Reply.Refused(
                    types.isEmpty()
                            ? "the image server sent no Content-Type"
                            : "the image server sent more than one Content-Type"));
        }
        String type = ImageTypes.essence(types.get(0));
        if (!ImageTypes.ACCEPTED.contains(type)) {
            return unread(new Reply.Refused(
                    "the image server sent " + ImageTypes.quoted(type) + ", not " + ImageTypes.ACCEPTED_TEXT));
        }
        OptionalLong length;
        try {
            length = headers.firstValueAsLong("content-length");
        } catch (NumberFormatException e) {
            return unread(new Reply.Refused("the image server sent an invalid Content-Length"));
        }
        if (length.isPresent() && length.getAsLong() > maxBytes) {
            return unread(new Reply.Refused(tooLarge));
        }
        if (budget.isEmpty()) {
            return new CappedBodySubscriber(maxBytes, type, tooLarge, length.orElse(0), ImageHold.NONE);
        }
        ImageBudget images = budget.get();
        // Without a Content-Length the cap is reserved; a budget smaller than the cap is the cap then.
        int cap = length.isPresent() ? (int) length.getAsLong() : (int) Math.min(maxBytes, images.capacity());
        if (!images.fits(cap)) {
            return unread(new Reply.Refused(
                    "the image is larger than this service's image memory (" + images.capacityText() + ")"));
        }
        Optional<ImageHold> hold = images.tryHold(cap);
        if (hold.isEmpty()) {
            return unread(new Reply.Overloaded(
                    "eco-scan holds as many image bytes as its memory allows (" + images.capacityText() + ")"));
        }
        if (!keep(hold.get())) {
            return unread(new Reply.Refused("the fetch was abandoned"));
        }
        String capped = cap < maxBytes && length.isEmpty()
                ? "the image is larger than this service's image memory (" + images.capacityText() + ")"
                : tooLarge;
        return new CappedBodySubscriber(cap, type, capped, length.orElse(0), hold.get());
    }

    /** Answers at once and cancels the body, so a refused or redirecting response costs no reading. */
    private static HttpResponse.BodySubscriber<Reply> unread(Reply reply) {
        return new Unread(reply);
    }

    private static final class Unread implements HttpResponse.BodySubscriber<Reply> {

        private final CompletableFuture<Reply> reply;

        Unread(Reply reply) {
            this.reply = CompletableFuture.completedFuture(reply);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            // cancelled: whatever still arrives is dropped
        }

        @Override
        public void onError(Throwable throwable) {
            // the answer was already given
        }

        @Override
        public void onComplete() {
            // the answer was already given
        }

        @Override
        public CompletionStage<Reply> getBody() {
            return reply;
        }
    }
}
