package dev.ecoscan.adapter.images;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.support.http.OutboundHttp;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.Optional;

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
 * <p><b>Pinning, and the risk left.</b> Plain http (dev mode, loopback only) is sent to the checked
 * address itself, so what was checked is what is contacted. Https cannot be pinned that way: the JDK
 * client takes SNI and certificate checks from the URL's host, has no per-request resolver, and will
 * not let the Host header be set. So an https hop is checked just before it is sent, and the client
 * then resolves the name again. A DNS server that answers a public address to the check and a private
 * one to the client (DNS rebinding) could slip between the two. Three things narrow this: the JVM caches
 * lookups (30 s by default, whatever the record's TTL), so the client's lookup is normally answered from
 * the check's; only allow-listed hosts are ever resolved, so an attacker must control the DNS of a host
 * the operator chose to trust; and the client uses no proxy. Keep {@code networkaddress.cache.ttl}
 * above zero in the service.
 *
 * <p>With an {@link ImageBudget}, an image is held in it from before its body is read (its
 * {@code Content-Length}, or the size cap settled on the real size) and the hold comes with the
 * {@code Loaded} image; a budget that cannot take it answers {@code Overloaded} at once.
 *
 * <p>One {@link HttpClient} serves every fetch; it is thread-safe, so many virtual threads share it.
 */
public final class SafeUrlImageSource implements ImageSource, AutoCloseable {

    private final ImageFetchPolicy policy;
    private final HopCheck hops;
    private final InlineImages inlineImages;
    private final HttpClient http;
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
        // HTTP/1.1 by default; each request asks for HTTP/2 only over https (OutboundHttp.request), where
        // ALPN negotiates it, so the dev server's loopback http never sees an h2c upgrade offer.
        this.http = OutboundHttp.client()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.connectTimeout())
                // A proxy would resolve and connect on our behalf, out of reach of every address check.
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        this.exchange = new ImageExchange(policy, http);
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

    /** Stops the HTTP client, letting fetches in flight finish within the total timeout. */
    @Override
    public void close() {
        http.shutdown();
        try {
            if (!http.awaitTermination(policy.totalTimeout())) {
                http.shutdownNow();
            }
        } catch (InterruptedException e) {
            http.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private ImageLoad.Loaded fetch(URI url) throws FetchRefused {
        FetchDeadline deadline = FetchDeadline.after(policy.totalTimeout());
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            URI target = hops.target(current, deadline, redirects > 0);
            ReplyHandler handler = new ReplyHandler(policy, budget);
            switch (exchange.send(target, UrlRules.host(current), deadline, handler)) {
                case Reply.Body body -> {
                    ImageHold hold = handler.takeHold();
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
