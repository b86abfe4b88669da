package io.mediamonitor.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body while it streams in and cancels the download as soon as it passes
 * the cap, so an endless or oversized body costs at most the cap in memory and bandwidth.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** Completes the body future when the cap is passed. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    private final long maxBytes;
    private final boolean truncateSilently;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    /**
     * @param maxBytes         cap on the body
     * @param truncateSilently when true, a body over the cap is cut instead of failing (for error
     *                         pages, whose content does not matter)
     */
    LimitedBodySubscriber(long maxBytes, boolean truncateSilently) {
        this.maxBytes = maxBytes;
        this.truncateSilently = truncateSilently;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            received += n;
            if (received > maxBytes) {
                subscription.cancel();
                if (truncateSilently) {
                    result.complete(out.toByteArray());
                } else {
                    result.completeExceptionally(new TooLarge("body exceeds " + maxBytes + " bytes"));
                }
                return;
            }
            byte[] chunk = new byte[n];
            buffer.get(chunk);
            out.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }
}
