package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.testkit.ScanTestKit;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client may send without credentials must not grow {@code /metrics}: a made-up method or
 * path once added a 600-bucket histogram per value. Requests go over a raw socket, so the method
 * token and the request target are exactly what the test chose, odd bytes included.
 */
class MadeUpMethodsAndPathsTest {

    private static final int REQUESTS = 300;
    /**
     * Each has a label of its own (nine at most), so made-up tokens exclude them. Helidon reads a
     * method in upper case, so "get" is GET too and no made-up token.
     */
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    /** RFC 9110's token characters besides letters and digits. */
    private static final String ODD_TOKEN_CHARACTERS = "!#$%&'*+-.^_`|~";

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");
    private MeteredApi api;
    private List<String> routePaths;

    @BeforeEach
    void start() {
        api = new MeteredApi(ScanTestKit.pipeline().build(), MeteredApi.NO_CHARACTERS);
        routePaths = api.server.routes().stream().map(Route::path).distinct().toList();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void three_hundred_made_up_methods_on_random_paths_leave_the_scrape_the_same_size_and_get_no_5xx()
            throws Exception {
        long before = ownLines(scrape());
        Random random = new Random(20_260_401);
        List<String> answered = new ArrayList<>();
        int problems = 0;

        for (int i = 0; i < REQUESTS; i++) {
            String method = madeUpMethod(random);
            byte[] target = target(random, random.nextInt(6));
            Answer answer = send(method, target);
            answered.add(answer.status() + " " + method + " " + new String(target, StandardCharsets.UTF_8));
            assertThat(answer.status()).as(answered.getLast()).isBetween(400, 499);
            assertThat(answer.problem()).as(answered.getLast()).isTrue();
            if (answer.routed()) {
                problems++;
            }
        }
        // Those answered by a route's handler are observed; Helidon answers the malformed ones itself.
        List<String> observed = api.observedAtLeast(problems);
        long after = ownLines(scrape());

        System.out.printf(
                "/metrics without jvm_, process_ and system_ lines: %d before, %d after %d requests"
                        + " (%d answered by the routes, the rest by Helidon: %s)%n",
                before,
                after,
                REQUESTS,
                problems,
                answered.stream()
                        .map(line -> line.substring(0, 3))
                        .collect(Collectors.groupingBy(s -> s, Collectors.counting())));
        assertThat(after - before).as("lines added to /metrics").isBetween(-3L, 3L);
        assertThat(observed).hasSize(problems).allMatch(line -> line.matches("other unmatched 40[45]"));
    }

    @Test
    void random_paths_under_a_standard_method_add_that_method_s_unmatched_series_once_and_then_nothing()
            throws Exception {
        Random random = new Random(7);
        assertThat(send("GET", "/never-a-route".getBytes(StandardCharsets.US_ASCII))
                        .status())
                .isEqualTo(404);
        api.observedAtLeast(1);
        long afterOne = ownLines(scrape());

        int problems = 1;
        for (int i = 0; i < 100; i++) {
            Answer answer = send("GET", target(random, 1 + random.nextInt(5)));
            assertThat(answer.status()).isBetween(400, 499);
            problems += answer.routed() ? 1 : 0;
        }

        assertThat(api.observedAtLeast(problems)).hasSize(problems);
        assertThat(ownLines(scrape())).isEqualTo(afterOne);
        assertThat(api.observed).allMatch(line -> line.equals("GET unmatched 404"));
    }

    @Test
    void the_review_s_curl_adds_nothing_either() throws Exception {
        long before = ownLines(scrape());

        Answer answer = send("FOOBARBAZ", ScanApiServer.LIVE.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).isEqualTo(405);
        assertThat(api.observedAtLeast(1)).contains("other unmatched 405");
        assertThat(ownLines(scrape())).isEqualTo(before);
    }

    /** A token that is no standard method: upper case, lower case, mixed with digits and odd token characters. */
    private static String madeUpMethod(Random random) {
        while (true) {
            String token = switch (random.nextInt(3)) {
                case 0 -> word(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1 + random.nextInt(20));
                case 1 -> word(random, "abcdefghijklmnopqrstuvwxyz", 1 + random.nextInt(12));
                default -> word(random, "ABCxyz0123456789" + ODD_TOKEN_CHARACTERS, 1 + random.nextInt(16));
            };
            if (!STANDARD_METHODS.contains(token.toUpperCase(Locale.ROOT))) {
                return token;
            }
        }
    }

    /**
     * A request target of a kind: 0, a route's own path; else one that no route has: random
     * segments, long, percent-encoded, raw UTF-8, or a route's prefix with more after it.
     */
    private byte[] target(Random random, int kind) {
        String path = switch (kind) {
            case 0 ->
                routePaths
                        .get(random.nextInt(routePaths.size()))
                        .replaceAll("\\{[a-z_]+}", word(random, "0123456789abcdef-", 1 + random.nextInt(36)));
            case 1 -> {
                StringBuilder segments = new StringBuilder();
                for (int s = 0; s <= random.nextInt(6); s++) {
                    segments.append('/')
                            .append(word(random, "abcdefghijklmnopqrstuvwxyz0123456789-_.~", 1 + random.nextInt(12)));
                }
                yield segments.toString();
            }
            case 2 -> "/" + word(random, "abcdefghij/", 500 + random.nextInt(3_500));
            case 3 -> {
                byte[] bytes = new byte[1 + random.nextInt(40)];
                random.nextBytes(bytes);
                String escaped = HexFormat.of().formatHex(bytes).replaceAll("(..)", "%$1");
                yield List.of("/", "/api/v1/scan/", "/%2e%2e/", "/health%2Flive/", "/%zz", "/metrics%00")
                                .get(random.nextInt(6))
                        + escaped;
            }
            case 4 ->
                List.of("/재활용/", "/caf\u00e9/", "/\uD83D\uDE00/", "/api/v1/scan/\u0000/", "/\u202Eevil/")
                                .get(random.nextInt(5))
                        + word(random, "가나다ab", 1 + random.nextInt(8));
            default ->
                List.of("/api/v1/scan/", "/health/", "/metrics/", "/samples/", "/api/v1/users/me/")
                                .get(random.nextInt(5))
                        + word(random, "abc123", 1 + random.nextInt(10))
                        + (random.nextBoolean() ? "?q=" + word(random, "xyz", 3) : "");
        };
        return path.getBytes(StandardCharsets.UTF_8);
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder word = new StringBuilder(length);
        int[] codePoints = alphabet.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            word.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return word.toString();
    }

    /**
     * A status, whether the body was problem+json (Helidon's own refusals are too), and whether a
     * route's handler answered: 404 or 405, where Helidon refuses a malformed request with 400 or 414.
     */
    private record Answer(int status, boolean problem, boolean routed) {}

    /** One HTTP/1.1 request on its own connection, its bytes exactly as given. */
    private Answer send(String method, byte[] target) throws IOException {
        Response response = exchange((method + " ").getBytes(StandardCharsets.US_ASCII), target);
        return new Answer(
                response.status(),
                response.head().toLowerCase(Locale.ROOT).contains("\r\ncontent-type: application/problem+json"),
                response.status() == 404 || response.status() == 405);
    }

    private String scrape() throws IOException {
        Response response = exchange(("GET " + ScanApiServer.METRICS).getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** A response's status line and headers, and its body. */
    private record Response(int status, String head, String body) {}

    /** Writes the request line from the parts, then headers; reads the answer as its Content-Length says. */
    private Response exchange(byte[]... requestLine) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", api.port()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            for (byte[] part : requestLine) {
                out.write(part);
            }
            out.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return new Response(-1, head.toString(), "");
                }
                head.append((char) b);
            }
            Matcher length = CONTENT_LENGTH.matcher(head);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
            int status = head.indexOf("HTTP/1.1 ") == 0 ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Response(status, head.toString(), new String(body, StandardCharsets.UTF_8));
        }
    }

    /**
     * The scrape's lines but the JVM's, process's and system's ({@code jvm_}, {@code process_},
     * {@code system_}, their HELP and TYPE lines included), which change by themselves: a GC, a new
     * thread state. Every {@code http_*} line stays; {@code /metrics} itself is not observed.
     */
    private static long ownLines(String scrape) {
        return scrape.lines()
                .filter(line -> !line.matches("(# (HELP|TYPE) )?(jvm|process|system)_.*"))
                .count();
    }
}
