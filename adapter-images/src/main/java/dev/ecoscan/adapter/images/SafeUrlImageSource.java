package dev.ecoscan.adapter.images;

import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.domain.port.Image;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.support.http.OutboundHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

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

    private static final String ACCEPT = String.join(", ", "image/png", "image/jpeg", "image/gif", "image/webp");

    private final ImageFetchPolicy policy;
    private final UrlRules urls;
    private final AddressPolicy addresses;
    private final HostResolver resolver;
    private final HttpClient http;
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
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.urls = new UrlRules(policy);
        this.addresses = new AddressPolicy(policy.allowLoopbackHttp());
        // HTTP/1.1 by default; each request asks for HTTP/2 only over https (OutboundHttp.request), where
        // ALPN negotiates it, so the dev server's loopback http never sees an h2c upgrade offer.
        this.http = OutboundHttp.client()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.connectTimeout())
                // A proxy would resolve and connect on our behalf, out of reach of every address check.
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    @Override
    public ImageLoad load(ImageReference reference) {
        try {
            return switch (reference) {
                case ImageReference.File file ->
                    new ImageLoad.Unreadable("local files are not accepted by the service");
                case ImageReference.Inline inline -> inline(inline);
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

    private ImageLoad.Loaded inline(ImageReference.Inline inline) throws FetchRefused {
        if (inline.size() == 0) {
            throw new FetchRefused("the image is empty");
        }
        if (inline.size() > policy.maxBytes()) {
            throw new FetchRefused("the image is larger than " + policy.maxSizeText());
        }
        ImageHold hold = hold(inline.size());
        try {
            byte[] bytes = inline.bytes();
            String sniffed = ImageTypes.sniff(bytes)
                    .orElseThrow(() -> new FetchRefused("the image is not " + ImageTypes.ACCEPTED_TEXT));
            String declared = ImageTypes.essence(inline.mediaType());
            if (!declared.equals(sniffed)) {
                throw new FetchRefused(
                        "the image was declared as " + ImageTypes.quoted(declared) + " but is " + sniffed);
            }
            return new ImageLoad.Loaded(Image.wrap(bytes, sniffed), hold);
        } catch (FetchRefused | RuntimeException e) {
            hold.close();
            throw e;
        }
    }

    /** A hold of bytes already in hand (an inline image's copy). */
    private ImageHold hold(long bytes) throws FetchRefused {
        if (budget.isEmpty()) {
            return ImageHold.NONE;
        }
        if (!budget.get().fits(bytes)) {
            throw new FetchRefused("the image is larger than this service's image memory ("
                    + budget.get().capacityText() + ")");
        }
        return budget.get()
                .tryHold(bytes)
                .orElseThrow(() -> FetchRefused.overloaded("eco-scan holds as many image bytes as its memory allows ("
                        + budget.get().capacityText() + ")"));
    }

    private ImageLoad.Loaded fetch(URI url) throws FetchRefused {
        long deadline = System.nanoTime() + policy.totalTimeout().toNanos();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            URI target = checkedTarget(current, deadline, redirects > 0);
            ReplyHandler handler = new ReplyHandler(policy, budget);
            switch (send(target, UrlRules.host(current), deadline, handler)) {
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

    /**
     * Rules 1-3 for one hop, and the URI to send: over plain http (loopback in dev mode only) the
     * checked address itself, so nothing is resolved again; over https the URL as it is (see the class
     * comment).
     */
    private URI checkedTarget(URI url, long deadline, boolean redirected) throws FetchRefused {
        String prefix = redirected ? "redirect refused: " : "";
        Optional<String> refusal = urls.refusal(url);
        if (refusal.isPresent()) {
            throw new FetchRefused(prefix + refusal.get());
        }
        String host = UrlRules.host(url);
        List<InetAddress> resolved = resolve(host, deadline);
        for (InetAddress address : resolved) {
            Optional<String> kind = addresses.refusal(address);
            if (kind.isPresent()) {
                throw new FetchRefused(prefix + "image host " + UrlRules.quoted(host) + " resolves to " + kind.get()
                        + ", which the service does not contact");
            }
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return URI.create(scheme + "://" + url.getRawAuthority() + pathAndQuery(url));
        }
        if (!resolved.stream().allMatch(InetAddress::isLoopbackAddress)) {
            throw new FetchRefused(prefix + "plain http is only for loopback addresses");
        }
        return URI.create("http://" + literal(resolved.get(0)) + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + pathAndQuery(url));
    }

    private List<InetAddress> resolve(String host, long deadline) throws FetchRefused {
        Optional<InetAddress> literal = UrlRules.literal(host);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        FutureTask<List<InetAddress>> lookup = new FutureTask<>(() -> resolver.resolve(host));
        // A lookup cannot be interrupted and may outlast the whole fetch, so it runs aside and is waited on.
        Thread.ofVirtual().name("image-host-lookup").start(lookup);
        try {
            List<InetAddress> found = lookup.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            if (found.isEmpty()) {
                throw new FetchRefused("image host " + UrlRules.quoted(host) + " cannot be resolved");
            }
            return found;
        } catch (ExecutionException e) {
            throw new FetchRefused("image host " + UrlRules.quoted(host) + " cannot be resolved");
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw tookTooLong();
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchRefused("fetching the image was interrupted");
        }
    }

    /** One exchange; whatever way it ends but with a body, the handler's hold is given back. */
    private Reply send(URI target, String host, long deadline, ReplyHandler handler) throws FetchRefused {
        boolean body = false;
        try {
            Reply reply = exchange(target, host, deadline, handler);
            body = reply instanceof Reply.Body;
            return reply;
        } finally {
            if (!body) {
                handler.abandon();
            }
        }
    }

    private Reply exchange(URI target, String host, long deadline, ReplyHandler handler) throws FetchRefused {
        long remaining = remainingNanos(deadline);
        // HTTP/1.1 on plain http (no h2c upgrade offer), HTTP/2 by ALPN on https.
        HttpRequest request = OutboundHttp.request(target)
                // The request timeout covers the headers only; get() below bounds the body too.
                .timeout(Duration.ofNanos(remaining))
                .header("Accept", ACCEPT)
                .header("User-Agent", "eco-scan")
                .GET()
                .build();
        CompletableFuture<HttpResponse<Reply>> exchange = http.sendAsync(request, handler);
        try {
            return exchange.get(remaining, TimeUnit.NANOSECONDS).body();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw tookTooLong();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchRefused("fetching the image was interrupted");
        } catch (ExecutionException e) {
            throw new FetchRefused(failure(e.getCause(), UrlRules.quoted(host)));
        }
    }

    private FetchRefused tookTooLong() {
        return new FetchRefused("fetching the image took longer than " + policy.totalTimeoutText());
    }

    private String failure(Throwable cause, String host) {
        return switch (cause) {
            case HttpConnectTimeoutException e -> "connecting to image host " + host + " timed out";
            case HttpTimeoutException e -> "fetching the image took longer than " + policy.totalTimeoutText();
            case ConnectException e -> "image host " + host + " could not be reached";
            case SSLException e -> "the TLS handshake with image host " + host + " failed";
            case IOException e -> "fetching the image from " + host + " failed";
            default ->
                "fetching the image from " + host + " failed ("
                        + cause.getClass().getSimpleName() + ")";
        };
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

    private static long remainingNanos(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    /** Path and query as sent; the fragment never is. */
    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        String bare = scope < 0 ? text : text.substring(0, scope);
        return address instanceof Inet6Address ? "[" + bare + "]" : bare;
    }
}
