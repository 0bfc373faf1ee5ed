package dev.ecoscan.adapter.images;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.support.http.BlockingHttp;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The HTTP service's image source: fetches {@code image_url}s while refusing server-side request
 * forgery, checks inline images, and never reads local files.
 *
 * <p>Every hop, the first URL and each redirect, must pass the {@link ImageFetchPolicy}'s URL rules,
 * and every address its host resolves to must pass {@link AddressPolicy}, before anything connects.
 * Redirects are followed here, not by the client, so that each one is checked. A reply must be a 200
 * with an accepted image Content-Type that its first bytes confirm, within the size limit. The whole
 * fetch, DNS included, is bounded by the total timeout.
 *
 * <p><b>Pinning.</b> The client resolves nothing itself: its resolver ({@link CheckedAddresses})
 * answers a hop's host with the addresses that hop's check approved. So what was checked is what is
 * contacted, over https (SNI and the certificate still checked against the host name) as over plain
 * http, and DNS rebinding has no second lookup to answer. The client uses no proxy.
 *
 * <p>With an {@link ImageBudget}, an image is held in it from before its body is read (its
 * {@code Content-Length}, or the size cap settled on the real size) and the hold comes with the
 * {@code Loaded} image; a budget that cannot take it answers {@code Overloaded} at once.
 *
 * <p>One blocking client ({@link BlockingHttp}) serves every fetch, each on its caller's virtual
 * thread; it is thread-safe, so many virtual threads share it.
 */
public final class SafeUrlImageSource implements ImageSource, AutoCloseable {

    private final ImageFetchPolicy policy;
    private final HopCheck hops;
    private final InlineImages inlineImages;
    private final CloseableHttpClient http;
    private final ImageExchange exchange;
    private final Optional<ImageBudget> budget;

    /** A source whose images no budget counts. */
    public SafeUrlImageSource(ImageFetchPolicy policy) {
        this(policy, HostResolver.SYSTEM, Optional.empty());
    }

    /** A source that holds every image it loads in {@code budget}. */
    public SafeUrlImageSource(ImageFetchPolicy policy, ImageBudget budget) {
        this(policy, HostResolver.SYSTEM, Optional.of(budget));
    }

    SafeUrlImageSource(ImageFetchPolicy policy, HostResolver resolver) {
        this(policy, resolver, Optional.empty());
    }

    SafeUrlImageSource(ImageFetchPolicy policy, HostResolver resolver, Optional<ImageBudget> budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.hops = new HopCheck(policy, Objects.requireNonNull(resolver, "resolver"));
        this.inlineImages = new InlineImages(policy, budget);
        // No redirects (each hop is checked here) and no proxy (it would resolve and connect out of
        // reach of every address check): BlockingHttp's clients follow and use neither.
        CheckedAddresses checked = new CheckedAddresses();
        this.http = BlockingHttp.client(policy.connectTimeout(), checked);
        this.exchange = new ImageExchange(policy, http, checked);
    }

    @Override
    public ImageLoad load(ImageReference reference) {
        try {
            return switch (reference) {
                case ImageReference.File file ->
                    new ImageLoad.Unreadable("local files are not accepted by the service");
                case ImageReference.Inline inline -> inlineImages.load(inline);
                case ImageReference.Url url -> fetch(url.uri());
            };
        } catch (FetchRefused refused) {
            return refused.overloaded()
                    ? new ImageLoad.Overloaded(refused.getMessage())
                    : new ImageLoad.Unreadable(refused.getMessage());
        } catch (RuntimeException e) {
            // The port promises an answer, never an exception: a surprise here must not fail the request.
            return new ImageLoad.Unreadable(
                    "the image could not be loaded (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Closes the HTTP client and its connections. The service closes it after its drain, when no scan
     * is in flight; a fetch still running then ends as unreadable.
     */
    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    private ImageLoad.Loaded fetch(URI url) throws FetchRefused {
        FetchDeadline deadline = FetchDeadline.after(policy.totalTimeout());
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            HopCheck.Hop hop = hops.target(current, deadline, redirects > 0);
            ReplyReader reader = new ReplyReader(policy, budget);
            switch (exchange.send(hop, deadline, reader)) {
                case Reply.Body body -> {
                    ImageHold hold = reader.takeHold();
                    try {
                        return new ImageLoad.Loaded(image(body), hold);
                    } catch (FetchRefused | RuntimeException e) {
                        hold.close();
                        throw e;
                    }
                }
                case Reply.Overloaded overloaded -> throw FetchRefused.overloaded(overloaded.reason());
                case Reply.Refused refused -> throw new FetchRefused(refused.reason());
                case Reply.Redirect redirect -> {
                    if (redirects == policy.maxRedirects()) {
                        throw new FetchRefused(
                                "the image URL redirected more than " + policy.maxRedirects() + " times");
                    }
                    current = follow(current, redirect.location());
                }
            }
        }
    }

    private static URI follow(URI current, String location) throws FetchRefused {
        if (location.length() > UrlRules.MAX_URL_LENGTH) {
            throw new FetchRefused(
                    "redirect refused: the Location is longer than " + UrlRules.MAX_URL_LENGTH + " characters");
        }
        try {
            // URI.resolve mishandles a base with an empty path ("http://h" + "x" gives "http://hx").
            URI base = current.getRawPath() == null || current.getRawPath().isEmpty() ? current.resolve("/") : current;
            return base.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchRefused("redirect refused: the Location is not a valid URL");
        }
    }

    private static Image image(Reply.Body body) throws FetchRefused {
        byte[] bytes = body.bytes();
        if (bytes.length == 0) {
            throw new FetchRefused("the image server sent an empty body");
        }
        Optional<String> sniffed = ImageTypes.sniff(bytes);
        if (sniffed.isEmpty()) {
            throw new FetchRefused("the image server declared " + body.mediaType() + " but the body is not "
                    + ImageTypes.ACCEPTED_TEXT);
        }
        if (!sniffed.get().equals(body.mediaType())) {
            throw new FetchRefused("the image server declared " + body.mediaType() + " but sent " + sniffed.get());
        }
        return Image.wrap(bytes, sniffed.get());
    }
}
