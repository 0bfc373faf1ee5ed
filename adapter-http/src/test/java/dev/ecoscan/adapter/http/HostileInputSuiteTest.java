package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hundreds of generated hostile requests, each with the 4xx problem+json it must get (or, for a slow
 * client, 408 or a closed connection), none a 5xx and none late. Random parts come from fixed seeds.
 * Image URLs meet the images adapter's real rules (https, no user info, the allow-list); what they
 * resolve to, and redirects, are checked at fetch time by {@code SafeUrlImageSource}, whose own tests
 * ({@code RedirectCheckTest}, {@code AddressPolicyTest}) cover them: here no image is ever fetched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputSuiteTest {

    private static final Duration READ_TIME = Duration.ofSeconds(1);
    private static final Duration SLOW_BOUND = Duration.ofMillis(3_000);
    private static final String URL = "https://img.example/a.png";
    private static final String VALID = "{\"image_url\":\"" + URL + "\",\"user_input\":\"종이팩은 어떻게 버려요?\"}";

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        ImageFetchPolicy policy = ImageFetchPolicy.production(Set.of("img.example"));
        api = new ApiFixture(
                ScanTestKit.pipeline()
                        .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                        .build(),
                100,
                // The default idle timeout: a short one would close the client's pooled connections
                // under it (SlowClientsTest times the idle close on its own connections).
                policy::refusal,
                new ConnectionLimits(256, ConnectionLimits.DEFAULT_IDLE_TIMEOUT, READ_TIME));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @TestFactory
    Stream<DynamicTest> malformed_json_is_400() {
        List<HostileCase> cases = new ArrayList<>();
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        for (int length = 1; length < valid.length; length++) {
            cases.add(body("cut to " + length + " bytes", 400, "invalid_json", slice(valid, 0, length)));
        }
        for (String garbage : List.of(
                "}",
                "]",
                ",",
                "x",
                "{}",
                "[]",
                " 1",
                "\"s\"",
                "//c",
                "/*",
                ":",
                "\u0000",
                ",{\"image_url\":\"" + URL + "\"}")) {
            cases.add(body("followed by " + garbage, 400, "invalid_json", VALID + garbage));
        }
        for (String root : List.of("[]", "[" + VALID + "]", "123", "\"" + URL + "\"", "true", "null")) {
            cases.add(body("a root of " + root, 400, "invalid_request", root));
        }
        for (String value : List.of(
                "5",
                "5.5",
                "true",
                "false",
                "null",
                "[]",
                "[\"" + URL + "\"]",
                "{}",
                "{\"url\":\"" + URL + "\"}",
                "\"\"",
                "\"   \"")) {
            cases.add(body("image_url " + value, 400, "invalid_request", "{\"image_url\":" + value + "}"));
        }
        for (String value : List.of("5", "true", "[]", "{}", "[\"a\"]")) {
            cases.add(body(
                    "user_input " + value,
                    400,
                    "invalid_request",
                    "{\"image_url\":\"" + URL + "\",\"user_input\":" + value + "}"));
        }
        Random random = new Random(11);
        for (int i = 0; i < 15; i++) {
            int at = random.nextInt(valid.length + 1);
            byte[] withNull = new byte[valid.length + 1];
            System.arraycopy(valid, 0, withNull, 0, at);
            System.arraycopy(valid, at, withNull, at + 1, valid.length - at);
            cases.add(body("a raw NUL at byte " + at, 400, "invalid_json", withNull));
        }
        cases.add(body(
                "an escaped NUL in user_input",
                400,
                "invalid_request",
                "{\"image_url\":\"" + URL + "\",\"user_input\":\"a\\u0000b\"}"));
        cases.add(body(
                "an escaped NUL in image_url",
                400,
                "image_url_not_allowed",
                "{\"image_url\":\"https://img.example/a\\u0000.png\"}"));
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> huge_bodies_are_413_however_they_are_sent() {
        List<HostileCase> cases = new ArrayList<>();
        for (int size : List.of(16_385, 16_500, 20_000, 65_536, 200_000, 500_000)) {
            byte[] huge = padded(size);
            cases.add(body(size + " bytes with a Content-Length", 413, "body_too_large", huge));
            cases.add(HostileCase.problem(
                    size + " bytes chunked",
                    413,
                    "body_too_large",
                    () -> HostileCase.Reply.of(api.send(classify(ApiFixture.token())
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))))));
        }
        for (String length : List.of("2000000", "1000000000000")) {
            cases.add(raw(
                    "a declared length of " + length + " and no body",
                    413,
                    "body_too_large",
                    classifyHead(ApiFixture.token(), "Content-Length: " + length)));
        }
        cases.add(raw(
                "a declared length past a long",
                400,
                "invalid_request",
                classifyHead(ApiFixture.token(), "Content-Length: 99999999999999999999999")));
        // At the cap exactly: read in full, then refused for what it says.
        byte[] atCap = padded(HttpSettings.DEFAULT_MAX_BODY_BYTES);
        cases.add(body("exactly 16 KiB", 400, "user_input_too_long", atCap));
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> slow_clients_get_408_or_a_closed_connection_within_the_bound() {
        String token = ApiFixture.token();
        byte[] body = padded(200);
        byte[] request = concat(classifyHead(token, "Content-Length: " + body.length), body);
        int head = request.length - body.length;
        byte[] chunked = concat(
                classifyHead(token, "Transfer-Encoding: chunked"), "5\r\nab".getBytes(StandardCharsets.US_ASCII));
        byte[] headers = RawHttp.request(
                "POST " + ScanApiServer.CLASSIFY + " HTTP/1.1",
                "Host: 127.0.0.1\r\nCookie: s_access=" + token + "\r\nX-Slow: " + "b".repeat(80),
                new byte[0]);
        return tests(List.of(
                slow("a body a byte every 0.1 s", request, head, body.length, Duration.ofMillis(100)),
                slow("a body a byte every 0.3 s", request, head, body.length, Duration.ofMillis(300)),
                slow("a declared body that never comes", request, head, 0, Duration.ZERO),
                slow("a chunked body that stops mid-chunk", chunked, chunked.length, 0, Duration.ZERO),
                slow("headers a byte every 0.1 s", headers, headers.length - 80, 80, Duration.ofMillis(100)),
                slow("headers that stop before their blank line", headers, headers.length - 2, 0, Duration.ZERO)));
    }

    @TestFactory
    Stream<DynamicTest> deep_nesting_is_400_invalid_json() {
        String prefix = "{\"image_url\":\"" + URL + "\",\"n\":";
        List<HostileCase> cases = List.of(
                body("10,000 [", 400, "invalid_json", "[".repeat(10_000)),
                body("8,000 [ closed by 8,000 ]", 400, "invalid_json", "[".repeat(8_000) + "]".repeat(8_000)),
                body("1,001 [ closed", 400, "invalid_json", "[".repeat(1_001) + "]".repeat(1_001)),
                body("3,000 nested objects", 400, "invalid_json", "{\"a\":".repeat(3_000)),
                body("2,000 [{ nested", 400, "invalid_json", "[{\"a\":".repeat(2_000)),
                body("10,000 [ inside a valid request", 400, "invalid_json", prefix + "[".repeat(10_000)),
                body("a number of 2,000 digits", 400, "invalid_json", prefix + "1".repeat(2_000) + "}"),
                body("10,000 [ closed: 20 KB", 413, "body_too_large", "[".repeat(10_000) + "]".repeat(10_000)));
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> bad_utf8_is_400_invalid_json() {
        List<String> sequences = List.of(
                "c0af",
                "c1bf",
                "e080af",
                "f08080af",
                "c3",
                "e282",
                "f09f98",
                "80",
                "bf",
                "eda080",
                "edbfbf",
                "f4908080",
                "f5808080",
                "fe",
                "ff",
                "f888808080");
        List<HostileCase> cases = new ArrayList<>();
        for (String hex : sequences) {
            byte[] bad = HexFormat.of().parseHex(hex);
            cases.add(body(
                    hex + " in image_url",
                    400,
                    "invalid_json",
                    concat(bytes("{\"image_url\":\"https://img.example/a"), bad, bytes(".png\"}"))));
            cases.add(body(
                    hex + " in user_input",
                    400,
                    "invalid_json",
                    concat(bytes("{\"image_url\":\"" + URL + "\",\"user_input\":\"종이"), bad, bytes("팩\"}"))));
            cases.add(body(hex + " before the object", 400, "invalid_json", concat(bad, bytes(VALID))));
        }
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> control_and_bidi_characters_are_refused() {
        List<Integer> controls = IntStream.concat(IntStream.rangeClosed(0x01, 0x1F), IntStream.rangeClosed(0x7F, 0x9F))
                .boxed()
                .toList();
        List<Integer> bidi = List.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);
        List<HostileCase> cases = new ArrayList<>();
        for (int c : controls) {
            if (c != '\t' && c != '\n') {
                cases.add(question(
                        String.format("U+%04X in user_input", c), "invalid_request", "종이팩" + escaped(c) + "버리기"));
            }
            cases.add(imageUrl(String.format("U+%04X in image_url", c), "https://img.example/a" + escaped(c) + ".png"));
        }
        for (int c : bidi) {
            cases.add(question(
                    String.format("U+%04X in user_input", c), "invalid_request", "이것은" + escaped(c) + "txt.exe"));
            cases.add(imageUrl(
                    String.format("U+%04X in image_url's path", c), "https://img.example/" + escaped(c) + "gnp.exe"));
            cases.add(imageUrl(
                    String.format("U+%04X in image_url's host", c), "https://img" + escaped(c) + ".example/a.png"));
        }
        for (int c : List.of(0x01, 0x08, 0x0D, 0x1B, 0x1F)) {
            cases.add(body(
                    String.format("a raw U+%04X in user_input", c),
                    400,
                    "invalid_json",
                    "{\"image_url\":\"" + URL + "\",\"user_input\":\"a" + (char) c + "b\"}"));
        }
        for (String half : List.of("\\uD800", "\\uDFFF", "a\\uD83Db")) {
            cases.add(question("half a surrogate pair " + half + " in user_input", "invalid_request", half));
        }
        cases.add(imageUrl("half a surrogate pair in image_url", "https://img.example/\\uD800.png"));
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> every_ssrf_form_of_image_url_is_refused_before_any_fetch() {
        List<String> urls = List.of(
                // loopback, written every way a resolver might read it
                "https://127.0.0.1/a.png",
                "http://127.0.0.1/a.png",
                "https://2130706433/",
                "https://0x7f000001/",
                "https://0x7f.1/",
                "https://0177.0.0.1/",
                "https://017700000001/",
                "https://127.1/",
                "https://127.0.1/",
                "https://0/",
                "https://0.0.0.0/",
                "https://[::1]/",
                "https://[::]/",
                "https://[0:0:0:0:0:0:0:1]/",
                "https://[::ffff:127.0.0.1]/",
                "https://[::ffff:7f00:1]/",
                "https://[0:0:0:0:0:ffff:127.0.0.1]/",
                "https://localhost/",
                "https://localhost./",
                "https://LOCALHOST/",
                "https://localhost:8080/metrics",
                "https://127.0.0.1.nip.io/",
                "https://img.example.127.0.0.1.nip.io/",
                // private, unique-local, link-local and shared ranges
                "https://10.0.0.1/",
                "https://192.168.1.1/",
                "https://172.16.0.1/",
                "https://100.64.0.1/",
                "https://[fd00::1]/",
                "https://[fc00::1]/",
                "https://[fe80::1]/",
                "https://[fe80::1%25eth0]/",
                // cloud metadata
                "https://169.254.169.254/latest/meta-data/",
                "http://169.254.169.254/latest/meta-data/",
                "https://2852039166/",
                "https://0251.0376.0251.0376/",
                "https://[::ffff:a9fe:a9fe]/",
                "https://[fd00:ec2::254]/",
                "https://metadata.google.internal/computeMetadata/v1/",
                "https://metadata/",
                "https://100.100.100.200/latest/meta-data/",
                // user info and other authority tricks
                "https://a@127.0.0.1/",
                "https://img.example@127.0.0.1/",
                "https://img.example:443@127.0.0.1/",
                "https://user:pass@img.example/a.png",
                "https://127.0.0.1#@img.example/",
                "https://127.0.0.1\\@img.example/",
                "https://img.example.evil.com/a.png",
                "https://evilimg.example/a.png",
                "https://img.example:0/a.png",
                "https://img.example:99999/a.png",
                "http://img.example/a.png",
                // CRLF and header injection
                "https://img.example/a.png\r\nHost: 169.254.169.254",
                "https://img.example\r\n/a.png",
                "https://img.example/a.png\nX-Injected: 1",
                "https://img.example/a.png\rX: 1",
                // not http(s) at all
                "file:///etc/passwd",
                "file://img.example/etc/passwd",
                "gopher://img.example:70/_GET%20/",
                "data:image/png;base64,iVBORw0KGgo=",
                "ftp://img.example/a.png",
                "javascript:alert(1)",
                "dict://127.0.0.1:11211/stats",
                "ldap://127.0.0.1/",
                "jar:https://img.example/a.jar!/",
                "netdoc:///etc/passwd",
                "//img.example/a.png",
                "img.example/a.png",
                "https:/img.example/a.png",
                "https:img.example",
                "../../etc/passwd",
                "/etc/passwd",
                "https://",
                "https:///a.png");
        return tests(urls.stream().map(url -> imageUrl(url, jsonString(url))).toList());
    }

    @TestFactory
    Stream<DynamicTest> forged_tokens_and_malformed_cookies_are_401() {
        Algorithm right = Algorithm.HMAC256(ApiFixture.SECRET);
        String user = ApiFixture.USER.toString();
        Instant now = Instant.now();
        String valid = ApiFixture.token();
        String[] parts = valid.split("\\.");
        List<HostileCase> cases = new ArrayList<>();
        cases.add(cookie(
                "signed with another key",
                "unauthenticated",
                "s_access="
                        + JWT.create()
                                .withIssuer("test-issuer")
                                .withAudience("test-audience")
                                .withSubject(user)
                                .withExpiresAt(now.plusSeconds(300))
                                .sign(Algorithm.HMAC256("another-secret-another-secret-another!!"))));
        cases.add(cookie(
                "expired a minute ago",
                "token_expired",
                "s_access=" + token(right, "test-issuer", "test-audience", user, now.minusSeconds(60))));
        cases.add(cookie(
                "expired a day ago",
                "token_expired",
                "s_access=" + token(right, "test-issuer", "test-audience", user, now.minusSeconds(86_400))));
        cases.add(cookie(
                "for another audience",
                "unauthenticated",
                "s_access=" + token(right, "test-issuer", "other-audience", user, now.plusSeconds(300))));
        cases.add(cookie(
                "from another issuer",
                "unauthenticated",
                "s_access=" + token(right, "other-issuer", "test-audience", user, now.plusSeconds(300))));
        cases.add(cookie(
                "without an audience",
                "unauthenticated",
                "s_access="
                        + JWT.create()
                                .withIssuer("test-issuer")
                                .withSubject(user)
                                .withExpiresAt(now.plusSeconds(300))
                                .sign(right)));
        cases.add(cookie(
                "without an issuer",
                "unauthenticated",
                "s_access="
                        + JWT.create()
                                .withAudience("test-audience")
                                .withSubject(user)
                                .withExpiresAt(now.plusSeconds(300))
                                .sign(right)));
        cases.add(cookie(
                "without an expiry",
                "unauthenticated",
                "s_access="
                        + JWT.create()
                                .withIssuer("test-issuer")
                                .withAudience("test-audience")
                                .withSubject(user)
                                .sign(right)));
        cases.add(cookie(
                "without a subject",
                "unauthenticated",
                "s_access="
                        + JWT.create()
                                .withIssuer("test-issuer")
                                .withAudience("test-audience")
                                .withExpiresAt(now.plusSeconds(300))
                                .sign(right)));
        cases.add(cookie(
                "for a subject that is no UUID",
                "unauthenticated",
                "s_access=" + token(right, "test-issuer", "test-audience", "admin", now.plusSeconds(300))));
        cases.add(cookie(
                "not valid before an hour from now",
                "unauthenticated",
                "s_access="
                        + JWT.create()
                                .withIssuer("test-issuer")
                                .withAudience("test-audience")
                                .withSubject(user)
                                .withExpiresAt(now.plusSeconds(7_200))
                                .withNotBefore(now.plusSeconds(3_600))
                                .sign(right)));
        cases.add(cookie(
                "signed with HS512 and the right key",
                "unauthenticated",
                "s_access="
                        + JWT.create()
                                .withIssuer("test-issuer")
                                .withAudience("test-audience")
                                .withSubject(user)
                                .withExpiresAt(now.plusSeconds(300))
                                .sign(Algorithm.HMAC512(ApiFixture.SECRET))));
        cases.add(cookie(
                "claiming RS256, HMAC-signed with the key",
                "unauthenticated",
                "s_access=" + handMade("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", parts[1], ApiFixture.SECRET)));
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            String header = base64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}");
            cases.add(cookie(
                    "alg " + none + " unsigned", "unauthenticated", "s_access=" + header + "." + parts[1] + "."));
            cases.add(cookie(
                    "alg " + none + " with the real signature",
                    "unauthenticated",
                    "s_access=" + header + "." + parts[1] + "." + parts[2]));
        }
        String otherUser =
                base64("{\"iss\":\"test-issuer\",\"aud\":\"test-audience\",\"sub\":\"" + java.util.UUID.randomUUID()
                        + "\",\"exp\":" + now.plusSeconds(300).getEpochSecond() + "}");
        cases.add(cookie(
                "with its subject swapped",
                "unauthenticated",
                "s_access=" + parts[0] + "." + otherUser + "." + parts[2]));
        cases.add(cookie("cut short", "unauthenticated", "s_access=" + valid.substring(0, valid.length() - 5)));
        cases.add(cookie("with junk after it", "unauthenticated", "s_access=" + valid + "x"));
        cases.add(cookie("with a fourth part", "unauthenticated", "s_access=" + valid + ".abc"));
        cases.add(cookie("of dots", "unauthenticated", "s_access=.."));
        cases.add(cookie("not base64", "unauthenticated", "s_access=@@@.@@@.@@@"));
        cases.add(cookie("of 6,000 characters", "unauthenticated", "s_access=" + "a".repeat(6_000)));
        cases.add(cookie("empty", "unauthenticated", "s_access="));
        cases.add(cookie("without a value", "unauthenticated", "s_access"));
        cases.add(cookie("named in upper case", "unauthenticated", "S_ACCESS=" + valid));
        cases.add(cookie("forged before a valid one", "unauthenticated", "s_access=forged; s_access=" + valid));
        cases.add(cookie("forged in quotes", "unauthenticated", "s_access=\"forged\""));
        cases.add(cookie("of other names only", "unauthenticated", "session=" + valid + "; token=" + valid));
        cases.add(HostileCase.problem(
                "no cookie at all",
                401,
                "unauthenticated",
                () -> HostileCase.Reply.of(api.send(json().POST(HttpRequest.BodyPublishers.ofString(VALID))))));
        cases.add(HostileCase.problem(
                "a bearer token instead of the cookie",
                401,
                "unauthenticated",
                () -> HostileCase.Reply.of(api.send(json().header("Authorization", "Bearer " + valid)
                        .POST(HttpRequest.BodyPublishers.ofString(VALID))))));
        cases.add(HostileCase.problem(
                "a gateway's user header without the gateway",
                401,
                "unauthenticated",
                () -> HostileCase.Reply.of(
                        api.send(json().header("x-user-id", user).POST(HttpRequest.BodyPublishers.ofString(VALID))))));
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> oversized_and_malformed_headers_are_refused() {
        String token = ApiFixture.token();
        String route = "POST " + ScanApiServer.CLASSIFY + " HTTP/1.1";
        String base = "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 0";
        StringBuilder many = new StringBuilder(base);
        for (int i = 0; i < 200; i++) {
            many.append("\r\nX-Header-").append(i).append(": ").append("v".repeat(48));
        }
        List<HostileCase> cases = List.of(
                raw("a 9,000-byte header", 400, "invalid_request", route, base + "\r\nX-Big: " + "a".repeat(9_000)),
                raw("200 headers, 12 KB", 400, "invalid_request", route, many.toString()),
                raw(
                        "a 9,000-byte cookie",
                        400,
                        "invalid_request",
                        route,
                        base + "\r\nCookie: s_access=" + "a".repeat(9_000)),
                raw("a 5,000-byte path", 414, "uri_too_long", "GET /" + "a".repeat(5_000) + " HTTP/1.1", base),
                raw(
                        "a 5,000-byte query",
                        414,
                        "uri_too_long",
                        "POST " + ScanApiServer.CLASSIFY + "?q=" + "a".repeat(5_000) + " HTTP/1.1",
                        base),
                raw(
                        "7 KB of headers, under the cap",
                        401,
                        "unauthenticated",
                        route,
                        base + "\r\nX-Big: " + "a".repeat(7_000)),
                raw("a header without a colon", 400, "invalid_request", route, base + "\r\nNoColonHere"),
                raw("a header name with a space", 400, "invalid_request", route, base + "\r\nBad Name: x"),
                raw("a NUL in a header value", 400, "invalid_request", route, base + "\r\nX-A: a\u0000b"),
                raw("a lone CR in a header value", 400, "invalid_request", route, base + "\r\nX-A: a\rb"),
                raw(
                        "a control character in the cookie",
                        400,
                        "invalid_request",
                        route,
                        base + "\r\nCookie: s_access=" + token + "\u0001"),
                raw("a folded header line", 400, "invalid_request", route, base + "\r\nX-A: a\r\n folded"),
                raw("two Host headers", 400, "invalid_request", route, base + "\r\nHost: evil.example"),
                raw("no Host header", 400, "invalid_request", route, "Content-Length: 0"),
                raw("two different Content-Lengths", 400, "invalid_request", route, base + "\r\nContent-Length: 5"),
                raw(
                        "a Content-Length and chunked",
                        400,
                        "invalid_request",
                        route,
                        base + "\r\nTransfer-Encoding: chunked"),
                raw(
                        "a Transfer-Encoding Helidon does not know",
                        400,
                        "invalid_request",
                        route,
                        "Host: 127.0.0.1\r\nTransfer-Encoding: gzip"),
                raw(
                        "a chunk size that is no number",
                        400,
                        "invalid_request",
                        concat(classifyHead(token, "Transfer-Encoding: chunked"), bytes("zz\r\nab\r\n0\r\n\r\n"))));
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> made_up_and_wrong_methods_are_405() {
        Set<String> standard = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
        Random random = new Random(405);
        List<String> methods = new ArrayList<>(List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "get"));
        while (methods.size() < 37) {
            String method = word(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3 + random.nextInt(10));
            if (!standard.contains(method)) {
                methods.add(method);
            }
        }
        return tests(methods.stream()
                .map(method -> raw(
                        method + " on classify",
                        405,
                        "method_not_allowed",
                        method + " " + ScanApiServer.CLASSIFY + " HTTP/1.1",
                        "Host: 127.0.0.1\r\nContent-Length: 0"))
                .toList());
    }

    @TestFactory
    Stream<DynamicTest> unknown_paths_are_404() {
        Random random = new Random(404);
        List<String> paths = new ArrayList<>(List.of(
                "/",
                "/api",
                "/api/v2/scan/classify",
                "/api/v1/scan/classify/extra",
                "/api/v1/scan/categories/x",
                "/health",
                "/health/live/x",
                "/metrics/x",
                "/openapi.json",
                "/api/v1/users/me",
                "/api/v1/internal/characters",
                "/.env",
                "/.git/config",
                "/wp-admin/",
                "/samples/a.png"));
        while (paths.size() < 45) {
            StringBuilder path = new StringBuilder("/x-" + word(random, "abcdefghijklmnopqrstuvwxyz0123456789", 3));
            for (int s = 0; s < random.nextInt(4); s++) {
                path.append('/')
                        .append(word(random, "abcdefghijklmnopqrstuvwxyz0123456789-_~", 1 + random.nextInt(12)));
            }
            paths.add(path.toString());
        }
        List<HostileCase> cases = new ArrayList<>(paths.stream()
                .map(path -> raw("GET " + path, 404, "not_found", "GET " + path + " HTTP/1.1", "Host: 127.0.0.1"))
                .toList());
        // Helidon decodes the dots and normalises the path: what is left of it is no route.
        cases.add(raw(
                "a path that climbs out of the root",
                404,
                "not_found",
                "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1",
                "Host: 127.0.0.1"));
        return tests(cases);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void none_of_the_hostile_requests_got_a_server_error() {
        assertThat(api.observed).noneMatch(line -> line.matches(".* 5\\d\\d"));
    }

    // --- cases ---

    private static Stream<DynamicTest> tests(List<HostileCase> cases) {
        return cases.stream().map(HostileCase::test);
    }

    private static HostileCase body(String name, int status, String codes, String body) {
        return body(name, status, codes, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HostileCase body(String name, int status, String codes, byte[] body) {
        return HostileCase.problem(
                name,
                status,
                codes,
                () -> HostileCase.Reply.of(
                        api.send(classify(ApiFixture.token()).POST(HttpRequest.BodyPublishers.ofByteArray(body)))));
    }

    private static HostileCase question(String name, String codes, String jsonEscapedQuestion) {
        return body(name, 400, codes, "{\"image_url\":\"" + URL + "\",\"user_input\":\"" + jsonEscapedQuestion + "\"}");
    }

    /** {@code jsonEscaped} goes into the body as it is, between quotes. */
    private static HostileCase imageUrl(String name, String jsonEscaped) {
        return body(name, 400, "image_url_not_allowed", "{\"image_url\":\"" + jsonEscaped + "\"}");
    }

    private static HostileCase cookie(String name, String codes, String cookie) {
        return HostileCase.problem(
                "a token " + name,
                401,
                codes,
                () -> HostileCase.Reply.of(
                        api.send(json().header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(VALID)))));
    }

    private static HostileCase raw(String name, int status, String codes, String requestLine, String headers) {
        return raw(name, status, codes, RawHttp.request(requestLine, headers + "\r\nConnection: close", new byte[0]));
    }

    private static HostileCase raw(String name, int status, String codes, byte[] request) {
        return HostileCase.problem(
                name,
                status,
                codes,
                () -> HostileCase.Reply.of(RawHttp.exchange(api.server.port(), request, Duration.ofSeconds(4))));
    }

    private static HostileCase slow(String name, byte[] request, int atOnce, int trickled, Duration pause) {
        Supplier<HostileCase.Reply> send = () -> {
            RawHttp.Answer answer =
                    RawHttp.trickle(api.server.port(), request, atOnce, trickled, pause, SLOW_BOUND.plusSeconds(1));
            assertThat(answer.took()).as(answer.toString()).isLessThan(SLOW_BOUND);
            assertThat(api.server.scansInFlight()).isZero();
            return HostileCase.Reply.of(answer);
        };
        return HostileCase.slow(name, SLOW_BOUND.plusSeconds(2), send);
    }

    private static HttpRequest.Builder json() {
        return HttpRequest.newBuilder(api.uri(ScanApiServer.CLASSIFY)).header("Content-Type", "application/json");
    }

    private static HttpRequest.Builder classify(String token) {
        return json().header("Cookie", "s_access=" + token);
    }

    /** A classify request line and headers, with {@code framing} (a length or chunked) and no body yet. */
    private static byte[] classifyHead(String token, String framing) {
        return RawHttp.request(
                "POST " + ScanApiServer.CLASSIFY + " HTTP/1.1",
                "Host: 127.0.0.1\r\nContent-Type: " + "application/json\r\nCookie: s_access=" + token + "\r\n"
                        + framing,
                new byte[0]);
    }

    /** A request of exactly {@code size} bytes: the image URL and a long question. */
    private static byte[] padded(int size) {
        String start = "{\"image_url\":\"" + URL + "\",\"user_input\":\"";
        return (start + "a".repeat(size - start.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String token(Algorithm algorithm, String issuer, String audience, String subject, Instant expires) {
        return JWT.create()
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(subject)
                .withExpiresAt(expires)
                .sign(algorithm);
    }

    /** A token with the given header over an existing payload, HMAC-SHA256-signed with {@code key}. */
    private static String handMade(String header, String payload, String key) {
        try {
            String signed = base64(header) + "." + payload;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "."
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String escaped(int c) {
        return String.format("\\u%04X", c);
    }

    /** {@code text} as the inside of a JSON string. */
    private static String jsonString(String text) {
        String quoted = ApiFixture.JSON.valueToTree(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(bytes, from, part, 0, part.length);
        return part;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
