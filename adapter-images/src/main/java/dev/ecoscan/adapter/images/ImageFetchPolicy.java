package dev.ecoscan.adapter.images;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@link SafeUrlImageSource} may fetch, how much and for how long.
 *
 * @param allowedHosts      host names images may come from: exact names, or {@code *.example.com} for
 *                          any name under example.com (not example.com itself); stored in lower case
 *                          without a trailing dot. Empty allows no host at all (dev mode still allows
 *                          loopback).
 * @param allowLoopbackHttp dev mode only: {@code localhost}, {@code 127.0.0.0/8} and {@code [::1]} may
 *                          be fetched, over http too, because the dev server serves its samples there.
 *                          No other address gets this exception.
 * @param maxBytes          the largest image accepted
 * @param connectTimeout    bound on opening one connection
 * @param totalTimeout      bound on the whole fetch: DNS, every redirect, headers and body
 * @param maxRedirects      redirects followed, each one checked like the first URL
 */
public record ImageFetchPolicy(
        Set<String> allowedHosts,
        boolean allowLoopbackHttp,
        int maxBytes,
        Duration connectTimeout,
        Duration totalTimeout,
        int maxRedirects) {

    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_REDIRECTS = 3;

    /** The body is held in memory while it is checked, so the limit itself has a limit. */
    public static final int LARGEST_MAX_BYTES = 64 * 1024 * 1024;

    public static final int MOST_REDIRECTS = 10;
    public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(5);

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern HOST = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
    private static final Pattern WILDCARD = Pattern.compile("\\*\\." + LABEL + "(?:\\." + LABEL + ")+");

    public ImageFetchPolicy {
        Objects.requireNonNull(allowedHosts, "allowedHosts");
        Set<String> hosts = new LinkedHashSet<>();
        for (String entry : allowedHosts) {
            hosts.add(allowListEntry(entry));
        }
        allowedHosts = Set.copyOf(hosts);
        if (maxBytes < 1 || maxBytes > LARGEST_MAX_BYTES) {
            throw new IllegalArgumentException("the image size limit must be between 1 byte and "
                    + sizeText(LARGEST_MAX_BYTES) + ", not " + maxBytes);
        }
        connectTimeout = timeout(connectTimeout, "connect timeout");
        totalTimeout = timeout(totalTimeout, "total timeout");
        if (maxRedirects < 0 || maxRedirects > MOST_REDIRECTS) {
            throw new IllegalArgumentException(
                    "redirects followed must be between 0 and " + MOST_REDIRECTS + ", not " + maxRedirects);
        }
    }

    /** The service's policy: https to the given hosts only, with the default limits. */
    public static ImageFetchPolicy production(Set<String> hosts) {
        return new ImageFetchPolicy(
                hosts, false, DEFAULT_MAX_BYTES, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TOTAL_TIMEOUT, DEFAULT_MAX_REDIRECTS);
    }

    /** Dev mode: loopback only (http or https), where the dev server serves its samples; no other host. */
    public static ImageFetchPolicy dev() {
        return new ImageFetchPolicy(
                Set.of(),
                true,
                DEFAULT_MAX_BYTES,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_TOTAL_TIMEOUT,
                DEFAULT_MAX_REDIRECTS);
    }

    public ImageFetchPolicy withMaxBytes(int bytes) {
        return new ImageFetchPolicy(allowedHosts, allowLoopbackHttp, bytes, connectTimeout, totalTimeout, maxRedirects);
    }

    public ImageFetchPolicy withTimeouts(Duration connect, Duration total) {
        return new ImageFetchPolicy(allowedHosts, allowLoopbackHttp, maxBytes, connect, total, maxRedirects);
    }

    public ImageFetchPolicy withMaxRedirects(int redirects) {
        return new ImageFetchPolicy(allowedHosts, allowLoopbackHttp, maxBytes, connectTimeout, totalTimeout, redirects);
    }

    /**
     * Empty when the URL passes the rules that need no DNS (syntax, scheme, no user info, port, host
     * allow-list), else why not, in a sentence fit for a 400 answer. It fits the HTTP adapter's
     * {@code ImageUrlCheck} as {@code policy::refusal}. Passing it is not enough to be fetched:
     * {@link SafeUrlImageSource} checks the host's addresses, and every redirect, again.
     */
    public Optional<String> refusal(String url) {
        return new UrlRules(this).refusal(url);
    }

    /**
     * The accepted image type the bytes start with ({@code image/png}, {@code image/jpeg},
     * {@code image/gif}, {@code image/webp}), or empty: the HTTP adapter's upload check, since an
     * upload's declared type is the client's word only.
     */
    public Optional<String> imageType(byte[] firstBytes) {
        return ImageTypes.sniff(firstBytes);
    }

    /** The accepted types for people: "a PNG, JPEG, GIF or WebP image". */
    public String acceptedTypesText() {
        return ImageTypes.ACCEPTED_TEXT;
    }

    /** Whether a host (lower case, no trailing dot) is on the allow-list, exactly or under a wildcard. */
    boolean allowsHost(String host) {
        if (allowedHosts.contains(host)) {
            return true;
        }
        for (String entry : allowedHosts) {
            if (entry.startsWith("*.") && host.endsWith(entry.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /** The size limit for people: "10 MiB". */
    String maxSizeText() {
        return sizeText(maxBytes);
    }

    /** The total timeout for people: "10 s" or "300 ms". */
    String totalTimeoutText() {
        long millis = totalTimeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** The form hosts are compared in: lower case, without the trailing dot a fully qualified name may have. */
    static String normalizedHost(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static String allowListEntry(String entry) {
        if (entry == null || entry.isBlank()) {
            throw new IllegalArgumentException("an image host allow-list entry must not be blank");
        }
        String host = normalizedHost(entry);
        if (host.contains(":") || host.contains("[")) {
            throw new IllegalArgumentException(
                    "image host allow-list entry '" + entry + "' is an IPv6 literal; allow the host's name instead");
        }
        if (!HOST.matcher(host).matches() && !WILDCARD.matcher(host).matches()) {
            throw new IllegalArgumentException("image host allow-list entry '" + entry
                    + "' must be a host name like images.example.com, or *.example.com for the names under it");
        }
        return host;
    }

    private static Duration timeout(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero() || value.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the image fetch " + what + " must be positive and at most "
                    + LONGEST_TIMEOUT.toMinutes() + " minutes, not " + value);
        }
        return value;
    }

    private static String sizeText(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
