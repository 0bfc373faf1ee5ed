package dev.ecoscan.bootstrap.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The secrets this process was configured with, and their removal from any text it prints: keys,
 * tokens, passwords, the password part of a URL ({@code redis://:secret@host}) and the value of a
 * credential header ({@code Authorization}, {@code api-key}). Every setting
 * registers its secrets as it is resolved, and the launcher's output streams (which the logs, the
 * banner and error messages all go through) cut them out, so that no path can print one by mistake.
 */
public final class Secrets {

    static final String MASK = "[redacted]";
    /** Shorter values would be cut out of ordinary words; settings refuse such secrets anyway. */
    private static final int SHORTEST = 6;

    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]*:)[^@\\s/]+@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]+");
    /**
     * The value of a credential header however it is printed ({@code Authorization: Bearer x},
     * {@code "api-key":"x"}, {@code {Authorization=[Bearer x]}}): a library that logs a request's
     * headers prints the caller's credential, which may be none that eco-scan was configured with.
     */
    private static final Pattern CREDENTIAL_HEADER = Pattern.compile(
            "(?i)(\\b(?:proxy-)?authorization|\\bx-api-key|\\bapi-key|\\bx-gateway-secret)([\"']?\\s*[:=]\\s*[\"']?\\[?)"
                    + "(?:(?:bearer|basic|token)\\s+)?[^\\s\"',;}\\]]+");
    /** A bearer token on its own, as HTTP writes the scheme; long enough not to be an ordinary word. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("\\b(Bearer\\s+)[A-Za-z0-9._~+/=-]{16,}");

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    /**
     * The known secrets, longest first (so that a secret containing another is cut out whole), sorted
     * once per registration rather than on every line printed: every log line's text passes here.
     */
    private static volatile List<String> longestFirst = List.of();

    private Secrets() {}

    /** Remembers a secret value (a key, a token, a password) so that it is cut out of all output. */
    public static void register(String value) {
        if (value != null && value.strip().length() >= SHORTEST && KNOWN.add(value.strip())) {
            synchronized (KNOWN) {
                longestFirst = KNOWN.stream()
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .toList();
            }
        }
    }

    /**
     * Remembers the password a URL carries ({@code redis://:secret@host}, {@code ...?password=secret}),
     * so that it is cut out wherever it appears, also without its URL; the rest of the URL is no secret.
     */
    public static void registerUrlPassword(String url) {
        if (url == null) {
            return;
        }
        var userInfo = URL_PASSWORD.matcher(url);
        if (userInfo.find()) {
            register(url.substring(userInfo.end(1), url.indexOf('@', userInfo.end(1))));
        }
        var parameter = PASSWORD_PARAMETER.matcher(url);
        while (parameter.find()) {
            register(url.substring(parameter.end(1), parameter.end()));
        }
    }

    /**
     * The text with every known secret, URL password, {@code password=} parameter and credential
     * header value masked.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String clean = text;
        // Each pattern runs only where its fixed part occurs: a log line is JSON, full of ':', and the
        // case-insensitive header pattern tried at every position was most of the cost of a line.
        if (clean.contains("://") && clean.indexOf('@') >= 0) {
            clean = URL_PASSWORD.matcher(clean).replaceAll("$1" + MASK + "@");
        }
        String lower = clean.toLowerCase(Locale.ROOT);
        if (lower.contains("password=")) {
            clean = PASSWORD_PARAMETER.matcher(clean).replaceAll("$1" + MASK);
        }
        if (lower.contains("authorization") || lower.contains("api-key") || lower.contains("gateway-secret")) {
            clean = CREDENTIAL_HEADER.matcher(clean).replaceAll("$1$2" + MASK);
        }
        if (clean.contains("Bearer")) {
            clean = BEARER_TOKEN.matcher(clean).replaceAll("$1" + MASK);
        }
        for (String secret : longestFirst) {
            clean = clean.replace(secret, MASK);
        }
        return clean;
    }
}
