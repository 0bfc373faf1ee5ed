package dev.ecoscan.adapter.images;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules an image URL must pass before any DNS lookup: valid syntax, https (http only to loopback
 * in dev mode), no user info, a valid port, and a host on the allow-list (or loopback in dev mode).
 */
final class UrlRules {

    static final int MAX_URL_LENGTH = 2048;

    /** Dotted-quad only: the shorter and octal forms some resolvers accept are names here, not addresses. */
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private final ImageFetchPolicy policy;

    UrlRules(ImageFetchPolicy policy) {
        this.policy = policy;
    }

    Optional<String> refusal(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("no image URL was given");
        }
        String url = text.strip();
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("the image URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            return refusal(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.of("the image URL is not a valid URL");
        }
    }

    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("image URLs must use https");
        }
        if (url.isOpaque() || url.getRawAuthority() == null) {
            return Optional.of("the image URL has no host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("image URLs must not contain a user name or password");
        }
        if (url.getHost() == null) {
            return Optional.of("the image URL's host is not a valid host name");
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            return Optional.of("the image URL's port is not valid");
        }
        String host = host(url);
        if (policy.allowLoopbackHttp() && isLoopbackName(host)) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return Optional.of(
                    policy.allowLoopbackHttp()
                            ? "image URLs must use https (plain http is only for loopback in dev mode)"
                            : "image URLs must use https");
        }
        if (!policy.allowsHost(host)) {
            return Optional.of("image host " + quoted(host) + " is not on the allow-list");
        }
        return Optional.empty();
    }

    /** The URL's host as the rules compare it: lower case, no trailing dot, no IPv6 brackets. */
    static String host(URI url) {
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return ImageFetchPolicy.normalizedHost(host);
    }

    /** The address a host names literally, found without DNS; empty for a name. */
    static Optional<InetAddress> literal(String host) {
        try {
            if (host.indexOf(':') >= 0) {
                // Brackets make the JDK read an IPv6 literal and never ask DNS.
                return Optional.of(InetAddress.getByName("[" + host + "]"));
            }
            if (IPV4.matcher(host).matches()) {
                String[] parts = host.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) part;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** localhost, or a literal loopback address; its addresses are still checked after DNS. */
    static boolean isLoopbackName(String host) {
        return host.equals("localhost")
                || literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** A host someone else sent, short enough to quote in a reason. */
    static String quoted(String host) {
        return host.length() <= 100 ? host : host.substring(0, 100) + "…";
    }
}
