package dev.ecoscan.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The formats settings are written in: durations, byte sizes, numbers, URLs, host names, choices. */
final class Formats {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)");
    private static final Pattern BYTE_SIZE =
            Pattern.compile("(\\d{1,15})\\s*(|B|KB|MB|GB|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);
    private static final String HOST_NAME = "[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?";

    static final Format<String> TEXT =
            new Format<>("any text", text -> Optional.of(text).filter(t -> !t.isEmpty()));
    static final Format<String> MODEL = TEXT.where("a model name", t -> true);
    static final Format<Path> PATH = Format.parsing("a path", Path::of);
    static final Format<Duration> DURATION_TEXT = Format.parsing(
                    "a duration such as 55s, 2m or 1500ms", Formats::duration)
            .where("a duration such as 55s, 2m or 1500ms", d -> !d.isZero());
    static final Format<Integer> POSITIVE = whole(1, 999_999_999, "a positive whole number");
    static final Format<Integer> PORT = whole(0, 65_535, "a port number 0-65535 (0: any free port)");
    static final Format<Boolean> ON_OFF = choice("on or off", text -> switch (text) {
        case "on" -> Optional.of(true);
        case "off" -> Optional.of(false);
        default -> Optional.empty();
    });
    static final Format<Long> BYTE_SIZE_TEXT = Format.parsing(
                    "a byte size such as 256MB, 64MiB, 1GB or a plain number of bytes", Formats::byteSize)
            .where("a byte size such as 256MB, 64MiB, 1GB or a plain number of bytes", bytes -> bytes > 0);
    static final Format<URI> HTTP_URL = Format.parsing("an http(s) URL", text -> {
        if (!text.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException(text);
        }
        return URI.create(text);
    });
    static final Format<String> JDBC_URL = TEXT.where("a jdbc: URL", t -> t.startsWith("jdbc:") && t.length() > 5);
    static final Format<String> REDIS_URL = TEXT.where("a redis:// URL", t -> t.matches("rediss?://\\S+"));

    /**
     * Comma-separated host names, each exact ({@code images.example.com}) or a wildcard for the names
     * under a domain ({@code *.example.com}, which allows {@code a.example.com} but not
     * {@code example.com}); the image fetch policy matches them.
     */
    static final Format<Set<String>> HOST_LIST = new Format<>(
            "comma-separated host names, each exact (images.example.com) or *.example.com for the names under it",
            text -> {
                Set<String> hosts = new LinkedHashSet<>();
                for (String part : text.split(",")) {
                    String host = part.strip().toLowerCase(Locale.ROOT);
                    String name = host.startsWith("*.") ? host.substring(2) : host;
                    if (!name.matches(HOST_NAME)) {
                        return Optional.empty();
                    }
                    hosts.add(host);
                }
                return Optional.of(Set.copyOf(hosts));
            });

    /** A host name, an IPv4 address or an IPv6 literal (with or without brackets). */
    static final Format<String> LISTEN_ADDRESS = TEXT.where(
            "an IP address or host name",
            t -> t.matches(HOST_NAME) || t.matches("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?"));

    private Formats() {}

    static Format<Integer> whole(int least, int most, String accepts) {
        return Format.parsing(accepts, text -> {
                    if (!text.matches("\\d{1,10}")) {
                        throw new IllegalArgumentException(text);
                    }
                    return Integer.parseInt(text);
                })
                .where(accepts, n -> n >= least && n <= most);
    }

    static Format<Double> decimal(double most, String accepts) {
        return Format.parsing(accepts, text -> {
                    if (!text.matches("\\d{1,3}(\\.\\d+)?")) {
                        throw new IllegalArgumentException(text);
                    }
                    return Double.parseDouble(text);
                })
                .where(accepts, d -> d <= most);
    }

    static <T> Format<T> choice(String accepts, Function<String, Optional<T>> parse) {
        return new Format<>(accepts, parse);
    }

    /** One of the given words, kept as the word. */
    static Format<String> oneOf(String... words) {
        List<String> choices = List.of(words);
        String accepts = choices.size() == 2
                ? words[0] + " or " + words[1]
                : String.join(", ", choices.subList(0, words.length - 1)) + " or " + words[words.length - 1];
        return TEXT.where(accepts, choices::contains);
    }

    static Duration duration(String text) {
        var matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /**
     * A byte size: a plain number of bytes, or one with a unit, SI (KB, MB, GB: powers of 1000) or
     * binary (KiB, MiB, GiB: powers of 1024), in any case.
     */
    static long byteSize(String text) {
        var matcher = BYTE_SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a byte size: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> 1000L;
            case "mb" -> 1000L * 1000;
            case "gb" -> 1000L * 1000 * 1000;
            case "kib" -> 1024L;
            case "mib" -> 1024L * 1024;
            case "gib" -> 1024L * 1024 * 1024;
            default -> 1;
        };
        return Math.multiplyExact(amount, unit);
    }

    /** Shares like {@code 429=0.1,500=0.05}, or {@code none}. */
    static boolean faultShares(String value) {
        return value.equals("none")
                || Arrays.stream(value.split(","))
                        .map(String::strip)
                        .allMatch(part -> part.matches(
                                "(429|500|hang|malformed|out_of_taxonomy|confuse)=(0(\\.\\d+)?|1(\\.0+)?)"));
    }
}
