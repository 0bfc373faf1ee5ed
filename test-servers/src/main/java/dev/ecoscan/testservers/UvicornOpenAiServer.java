package dev.ecoscan.testservers;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A foreign OpenAI-compatible server: {@code openai_rules_server.py} on Debian's uvicorn 0.17 and
 * FastAPI, run as a child process on a loopback port. It enforces what OpenAI documents (GPT-5 and
 * o-series parameter rules, strict structured outputs, JSON mode, API keys, the Azure path) and, being
 * a plain HTTP/1.1 server, refuses the h2c upgrade the JDK {@code HttpClient} offers by default, so an
 * adapter tested against it cannot pass only because the peer is eco-scan's own simulator.
 *
 * <p>Environment variables given to {@link #start(Map)} reach the server: {@code FAKE_OPENAI_KEY},
 * {@code FAKE_OPENAI_NO_STRICT=1}, {@code FAKE_OPENAI_LATENCY_MS}, {@code FAKE_OPENAI_DATA_DIR}
 * (found by the fixture when not given). Inherited {@code FAKE_OPENAI_*} variables are dropped, so a
 * developer's shell cannot change what a test sees.
 */
public final class UvicornOpenAiServer implements AutoCloseable {

    /**
     * Debian's interpreter: the pyenv {@code python3} on PATH cannot import Debian's packages.
     * {@code -Deco-scan.python=...} points elsewhere (or nowhere, to try the skip).
     */
    static final Path PYTHON = Path.of(System.getProperty("eco-scan.python", "/usr/bin/python3"));

    private static final String SCRIPT = "openai_rules_server.py";
    private static final String DATA = "dev/ecoscan/data/";
    private static final String[] DATA_FILES = {"taxonomy.yaml", "situation-tags.yaml"};
    private static final Path DATA_IN_SOURCES = Path.of("taxonomy-data/src/main/resources/dev/ecoscan/data");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration IMPORT_CHECK_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Path folder;
    private final Process process;
    private final int port;
    // HTTP/1.1 only: the JDK client's default offers h2c on http://, which uvicorn answers with 400.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ObjectMapper json = new ObjectMapper();

    private UvicornOpenAiServer(Path folder, Process process, int port) {
        this.folder = folder;
        this.process = process;
        this.port = port;
    }

    /** Starts the server with its defaults (any API key accepted, strict schemas honoured). */
    public static UvicornOpenAiServer start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /**
     * Starts the server with these extra environment variables and waits until it answers. Skips the
     * calling test (fails it with {@code CI=true}) when Debian's uvicorn, FastAPI or PyYAML is missing.
     */
    public static UvicornOpenAiServer start(Map<String, String> env) throws IOException, InterruptedException {
        requireInstalled();
        Path folder = Files.createTempDirectory("eco-scan-uvicorn");
        try {
            copyResource(SCRIPT, folder.resolve(SCRIPT));
            int port = LocalServers.freeLoopbackPort();
            ProcessBuilder builder = new ProcessBuilder(
                            PYTHON.toString(),
                            "-m",
                            "uvicorn",
                            "--app-dir",
                            folder.toString(),
                            "openai_rules_server:app",
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(port),
                            "--no-access-log")
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    // To a file, not a pipe: nobody reads the pipe, and a full one would stall uvicorn.
                    .redirectOutput(folder.resolve("uvicorn.log").toFile());
            Map<String, String> childEnv = builder.environment();
            cleanPythonEnvironment(childEnv);
            childEnv.keySet().removeIf(name -> name.startsWith("FAKE_OPENAI_"));
            childEnv.put("PYTHONUNBUFFERED", "1");
            childEnv.put("PYTHONDONTWRITEBYTECODE", "1");
            childEnv.putAll(env);
            if (!env.containsKey("FAKE_OPENAI_DATA_DIR")) {
                childEnv.put("FAKE_OPENAI_DATA_DIR", dataFolder(folder).toString());
            }
            UvicornOpenAiServer server = new UvicornOpenAiServer(folder, builder.start(), port);
            server.awaitReady();
            return server;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            LocalServers.deleteRecursively(folder);
            throw e;
        }
    }

    /** The OpenAI base URL clients take: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return root() + "/v1";
    }

    /** The server's root, for the Azure path ({@code /openai/deployments/...}) and the control endpoints. */
    public String root() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Every API request the server has seen since the last {@link #clearRequests()}, refused ones too:
     * {@code method, path, query, headers} (lower-case names), {@code body} (parsed JSON or null) and
     * {@code body_length}. A request uvicorn refused before the app saw it (an h2c upgrade) is absent.
     */
    public List<JsonNode> requests() {
        List<JsonNode> requests = new ArrayList<>();
        control("GET", "/_requests", null).forEach(requests::add);
        return requests;
    }

    /** Forgets the recorded requests and zeroes {@link #stats()}. */
    public void clearRequests() {
        control("DELETE", "/_requests", null);
    }

    /**
     * Queues canned replies for the next chat requests, in order, ahead of every rule: a JSON array of
     * {@code {"status": 429, "body": {...}, "headers": {"Retry-After": "1"}}}.
     */
    public void script(String jsonArray) {
        control("POST", "/_script", jsonArray);
    }

    /** Drops the canned replies not yet used. */
    public void clearScript() {
        control("DELETE", "/_script", null);
    }

    /** {@code {"requests": n, "refused": n}}: refused counts the 4xx the server's rules answered. */
    public JsonNode stats() {
        return control("GET", "/_stats", null);
    }

    public long refusedCount() {
        return stats().path("refused").asLong();
    }

    /**
     * Writes {@code rawRequestText} exactly as given (UTF-8; the caller frames it: CRLFs, Content-Length)
     * on a plain socket and returns what comes back: status line, headers, a blank line and the body (a
     * chunked body de-chunked). Reads until Content-Length is satisfied, the last chunk has arrived or the
     * server closes, each read bounded by a socket timeout.
     */
    public String rawExchange(String rawRequestText) throws IOException {
        return rawExchange(rawRequestText.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #rawExchange(String)} for bytes the caller framed itself. */
    public String rawExchange(byte[] rawRequest) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout((int) CALL_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(rawRequest);
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** The server's log (uvicorn's own lines, the script's warnings), for failure messages. */
    public String log() {
        try {
            return Files.readString(folder.resolve("uvicorn.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LocalServers.deleteRecursively(folder);
    }

    private static void requireInstalled() throws InterruptedException {
        String what = "Debian's python3-uvicorn, python3-fastapi and python3-yaml";
        String packages = "python3-uvicorn python3-fastapi python3-yaml";
        if (!Files.isExecutable(PYTHON)) {
            throw LocalServers.missing(what, packages);
        }
        try {
            ProcessBuilder check = new ProcessBuilder(PYTHON.toString(), "-c", "import uvicorn, fastapi, yaml")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            cleanPythonEnvironment(check.environment());
            Process process = check.start();
            if (!process.waitFor(IMPORT_CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(PYTHON + " -c 'import uvicorn, fastapi, yaml' did not finish within " + IMPORT_CHECK_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw LocalServers.missing(what, packages);
            }
        } catch (IOException e) {
            throw LocalServers.missing(what, packages);
        }
    }

    /** A pyenv or virtualenv in the caller's shell must not redirect Debian's interpreter elsewhere. */
    private static void cleanPythonEnvironment(Map<String, String> env) {
        env.remove("PYTHONPATH");
        env.remove("PYTHONHOME");
        env.remove("VIRTUAL_ENV");
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = UvicornOpenAiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource " + name + " is missing beside " + UvicornOpenAiServer.class.getName());
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * eco-scan's data files for the server to name what it sees: taken from the classpath when the
     * caller has taxonomy-data on it (then the server and the Java side read the same files), else from
     * the repository's sources above the working directory (surefire runs in the module's folder).
     */
    private static Path dataFolder(Path folder) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL onClasspath = loader.getResource(DATA + DATA_FILES[0]);
        if (onClasspath != null) {
            Path copy = Files.createDirectories(folder.resolve("data"));
            for (String file : DATA_FILES) {
                try (InputStream in = loader.getResourceAsStream(DATA + file)) {
                    if (in == null) {
                        throw new IllegalStateException(DATA + file + " is missing from the classpath");
                    }
                    Files.copy(in, copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return copy;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DATA_IN_SOURCES);
            if (Files.isRegularFile(candidate.resolve(DATA_FILES[0]))) {
                return candidate;
            }
        }
        throw new IllegalStateException("eco-scan's data files (" + DATA + DATA_FILES[0] + ") are neither on the "
                + "classpath nor in " + DATA_IN_SOURCES + " above "
                + Path.of("").toAbsolutePath()
                + "; pass FAKE_OPENAI_DATA_DIR to start(Map)");
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String log = log();
                int exit = process.exitValue();
                close();
                fail("uvicorn exited with " + exit + " before it answered /_health:\n" + tail(log));
            }
            try {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(URI.create(root() + "/_health"))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Expected while uvicorn imports FastAPI and binds: try again shortly.
            }
            Thread.sleep(50);
        }
        String log = log();
        close();
        fail("uvicorn did not answer /_health within " + READY_TIMEOUT + ":\n" + tail(log));
    }

    private JsonNode control(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(root() + path))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed; server log:\n" + tail(log()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headerEnd = -1;
        try {
            while (headerEnd < 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    return received.toString(StandardCharsets.ISO_8859_1);
                }
                received.write(buffer, 0, n);
                headerEnd = indexOf(received.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            byte[] all = received.toByteArray();
            String head = new String(all, 0, headerEnd, StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(all, headerEnd + 4, all.length - headerEnd - 4);
            Optional<Long> length = header(head, "content-length").map(Long::parseLong);
            boolean chunked = header(head, "transfer-encoding")
                    .filter(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
                    .isPresent();
            while (length.isPresent() ? body.size() < length.get() : !(chunked && lastChunkIn(body.toByteArray()))) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
            }
            byte[] bytes = body.toByteArray();
            if (chunked) {
                bytes = dechunk(bytes);
            }
            return head + "\r\n\r\n" + new String(bytes, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no complete response within " + CALL_TIMEOUT + "; received so far:\n"
                    + received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static Optional<String> header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static boolean lastChunkIn(byte[] body) {
        byte[] last = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        return body.length >= last.length
                && indexOf(body, last, body.length - last.length) == body.length - last.length
                && (body.length == last.length || body[body.length - last.length - 1] == '\n');
    }

    /** Undoes chunked transfer coding; read until the server closed, so the last chunk may be missing. */
    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        int from = Math.max(0, lines.length - 40);
        return String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
    }
}
