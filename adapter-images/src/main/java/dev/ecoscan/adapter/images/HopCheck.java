package dev.ecoscan.adapter.images;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks one hop of a fetch, the first URL or a redirect, before anything connects: the URL rules,
 * then every address its host resolves to. The exchange then connects to those very addresses
 * ({@link CheckedAddresses}).
 */
final class HopCheck {

    private final ImageFetchPolicy policy;
    private final UrlRules urls;
    private final AddressPolicy addresses;
    private final HostResolver resolver;

    HopCheck(ImageFetchPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.urls = new UrlRules(policy);
        this.addresses = new AddressPolicy(policy.allowLoopbackHttp());
        this.resolver = resolver;
    }

    /** A checked hop: the URL to send (without its fragment), its host, and the addresses approved for it. */
    record Hop(URI target, String host, List<InetAddress> addresses) {
        Hop {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * Rules 1-3 for one hop: the URL rules, then every address the host resolves to. Plain http is
     * for loopback addresses only (dev mode).
     */
    Hop target(URI url, FetchDeadline deadline, boolean redirected) throws FetchRefused {
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
        if (!scheme.equals("https") && !resolved.stream().allMatch(InetAddress::isLoopbackAddress)) {
            throw new FetchRefused(prefix + "plain http is only for loopback addresses");
        }
        return new Hop(URI.create(scheme + "://" + url.getRawAuthority() + pathAndQuery(url)), host, resolved);
    }

    private List<InetAddress> resolve(String host, FetchDeadline deadline) throws FetchRefused {
        Optional<InetAddress> literal = UrlRules.literal(host);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        FutureTask<List<InetAddress>> lookup = new FutureTask<>(() -> resolver.resolve(host));
        // A lookup cannot be interrupted and may outlast the whole fetch, so it runs aside and is waited on.
        Thread.ofVirtual().name("image-host-lookup").start(lookup);
        try {
            List<InetAddress> found = lookup.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            if (found.isEmpty()) {
                throw new FetchRefused("image host " + UrlRules.quoted(host) + " cannot be resolved");
            }
            return found;
        } catch (ExecutionException e) {
            throw new FetchRefused("image host " + UrlRules.quoted(host) + " cannot be resolved");
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new FetchRefused("fetching the image took longer than " + policy.totalTimeoutText());
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchRefused("fetching the image was interrupted");
        }
    }

    /** Path and query as sent; the fragment never is. */
    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
