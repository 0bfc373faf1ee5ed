package dev.ecoscan.adapter.images;

import dev.ecoscan.domain.port.ImageHold;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and cancels the stream as soon as the limit is passed, so a
 * body that lies about its length, or has none, is never read further than one byte past the limit.
 *
 * <p>The body is read straight into one array: of the declared length when there is one (handed on
 * as it is, no copy), else grown as it arrives and trimmed once at the end. The hold it was read
 * under is settled on the real size when the body is complete.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<Reply> {

    private final int maxBytes;
    private final String mediaType;
    private final String tooLarge;
    private final ImageHold hold;
    private final CompletableFuture<Reply> result = new CompletableFuture<>();
    private byte[] bytes;
    private int count;
    private Flow.Subscription subscription;

    CappedBodySubscriber(int maxBytes, String mediaType, String tooLarge, long expectedLength, ImageHold hold) {
        this.maxBytes = maxBytes;
        this.mediaType = mediaType;
        this.tooLarge = tooLarge;
        this.hold = hold;
        this.bytes = new byte[(int) Math.min(expectedLength > 0 ? expectedLength : 8192, maxBytes)];
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        // One batch at a time, so nothing is buffered beyond what is about to be counted.
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int length = buffer.remaining();
            if ((long) count + length > maxBytes) {
                subscription.cancel();
                result.complete(new Reply.Refused(tooLarge));
                return;
            }
            if (count + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int)
                        Math.min(Math.max((long) bytes.length * 2, count + length), maxBytes));
            }
            buffer.get(bytes, count, length);
            count += length;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        byte[] body = count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
        bytes = null;
        hold.resizeTo(body.length);
        result.complete(new Reply.Body(body, mediaType));
    }

    @Override
    public CompletionStage<Reply> getBody() {
        return result;
    }
}
