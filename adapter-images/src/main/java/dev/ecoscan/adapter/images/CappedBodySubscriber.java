package dev.ecoscan.adapter.images;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and cancels the stream as soon as the limit is passed, so a
 * body that lies about its length, or has none, is never read further than one byte past the limit.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<Reply> {

    private final int maxBytes;
    private final String mediaType;
    private final String tooLarge;
    private final ByteArrayOutputStream bytes;
    private final CompletableFuture<Reply> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBodySubscriber(int maxBytes, String mediaType, String tooLarge, long expectedLength) {
        this.maxBytes = maxBytes;
        this.mediaType = mediaType;
        this.tooLarge = tooLarge;
        this.bytes = new ByteArrayOutputStream((int) Math.min(Math.max(expectedLength, 8192), maxBytes));
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
            if ((long) bytes.size() + length > maxBytes) {
                subscription.cancel();
                result.complete(new Reply.Refused(tooLarge));
                return;
            }
            byte[] chunk = new byte[length];
            buffer.get(chunk);
            bytes.write(chunk, 0, length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(new Reply.Body(bytes.toByteArray(), mediaType));
    }

    @Override
    public CompletionStage<Reply> getBody() {
        return result;
    }
}
