package dev.ecoscan.adapter.images;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Judges a response by its status and headers before any of its body is read: a redirect, a refusal
 * (wrong status, wrong type, declared too large), or a body worth reading under the size cap.
 */
final class ReplyHandler implements HttpResponse.BodyHandler<Reply> {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final int maxBytes;
    private final String tooLarge;

    ReplyHandler(ImageFetchPolicy policy) {
        this.maxBytes = policy.maxBytes();
        this.tooLarge = "the image is larger than " + policy.maxSizeText();
    }

    @Override
    public HttpResponse.BodySubscriber<Reply> apply(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        HttpHeaders headers = info.headers();
        if (REDIRECTS.contains(status)) {
            return headers.firstValue("location")
                    .map(location -> unread(new Reply.Redirect(location)))
                    .orElseGet(() -> unread(new Reply.Refused("the image server redirected without a Location header")));
        }
        if (status != 200) {
            return unread(new Reply.Refused("the image server answered HTTP " + status));
        }
        List<String> types = headers.allValues("content-type");
        if (types.size() != 1) {
            return unread(new Reply.Refused(types.isEmpty() ? "the image server sent no Content-Type"
                    : "the image server sent more than one Content-Type"));
        }
        String type = ImageTypes.essence(types.get(0));
        if (!ImageTypes.ACCEPTED.contains(type)) {
            return unread(new Reply.Refused("the image server sent " + ImageTypes.quoted(type) + ", not "
                    + ImageTypes.ACCEPTED_TEXT));
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
        return new CappedBodySubscriber(maxBytes, type, tooLarge, length.orElse(0));
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
