// Fires concurrent scans of camera-sized images at a real eco-scan service with a small heap and
// reports what happened to its memory. It
//   1. makes the images once (a noisy 4000 x 3000 PNG of ~10 MB carrying the milk carton's
//      eco-scan:item chunk, so the built-in simulator classifies it, in N copies that differ by one
//      text chunk, so no two scans share an image or a cache entry);
//   2. serves them from 127.0.0.1 (its own JDK HTTP server, with Content-Length, streamed from disk,
//      so the service's heap holds only what the service itself fetched);
//   3. starts `java -Xmx<heap> -jar <jar> serve` in dev mode on the built-in simulator (LLM cache off),
//      with GC logging, and reads its port and dev token from the banner;
//   4. sends one warm-up scan, then N scans at once, sampling /metrics every 50 ms;
//   5. prints scans/s, the answers, the heap (sampled, and from the GC log) and the image budget.
// Run it from the repository root after building the jar (./mvnw -q -DskipTests -pl bootstrap -am package):
//   java tools/ImageMemoryBench.java [--scans 20] [--heap 512m] [--speed 1] [--budget 64MiB]
//                                    [--jar bootstrap/target/eco-scan.jar] [--images /tmp/eco-scan-bench-images]
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

public class ImageMemoryBench {

    private static final String ITEM = "recyclable.paper-pack.milk-carton";
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");
    private static final Pattern IMAGE_BYTES = Pattern.compile("(?m)^image_bytes_in_flight(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int scans = Integer.parseInt(options.getOrDefault("scans", "20"));
        String heap = options.getOrDefault("heap", "512m");
        Path jar = Path.of(options.getOrDefault("jar", "bootstrap/target/eco-scan.jar")).toAbsolutePath();
        Path images = Path.of(options.getOrDefault("images", "/tmp/eco-scan-bench-images"));
        Path work = Files.createTempDirectory("eco-scan-bench-");

        List<Path> files = makeImages(images, scans + 1);
        HttpServer imageServer = serve(images);
        String imageBase = "http://127.0.0.1:" + imageServer.getAddress().getPort() + "/";
        Path gcLog = work.resolve("gc.log");

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Xlog:gc:file=" + gcLog, "-jar", jar.toString(), "serve");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("ECO_SCAN_") || key.startsWith("OPENAI_"));
        env.put("ECO_SCAN_CONFIG", "/dev/null");
        env.put("ECO_SCAN_PORT", "0");
        env.put("ECO_SCAN_DATA_DIR", work.resolve("data").toString());
        env.put("ECO_SCAN_CACHE", "off");
        env.put("ECO_SCAN_SIMULATOR_SPEED", options.getOrDefault("speed", "1"));
        if (options.containsKey("budget")) {
            env.put("ECO_SCAN_MAX_IMAGE_BYTES_IN_FLIGHT", options.get("budget"));
        }
        Process service = builder.start();
        StringBuffer errors = new StringBuffer();
        Thread.ofPlatform().daemon().start(() -> drain(service, errors));
        String base = null;
        String token = null;
        BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (base == null || token == null) && (line = out.readLine()) != null; ) {
            Matcher serving = Pattern.compile("serving on (http://\\S+)").matcher(line);
            if (serving.find()) {
                base = serving.group(1);
            }
            Matcher cookie = Pattern.compile("s_access=([^']+)'").matcher(line);
            if (cookie.find()) {
                token = cookie.group(1);
            }
        }
        if (base == null || token == null) {
            throw new IllegalStateException("the service did not start: " + errors);
        }
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(line -> { }));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try {
            Result warmUp = classify(client, base, token, imageBase + files.get(scans).getFileName());
            System.out.printf("warm-up scan: HTTP %d in %.1f s%n", warmUp.status(), warmUp.seconds());

            int idleAfterGc = lastAfterGc(gcLog);
            AtomicBoolean sampling = new AtomicBoolean(true);
            AtomicLong maxHeap = new AtomicLong();
            AtomicLong maxImageBytes = new AtomicLong(-1);
            String metricsUrl = base + "/metrics";
            Thread sampler = Thread.ofVirtual().start(() -> {
                while (sampling.get()) {
                    try {
                        String metrics = client.send(HttpRequest.newBuilder(URI.create(metricsUrl)).GET().build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        long heapUsed = 0;
                        for (Matcher m = HEAP.matcher(metrics); m.find(); ) {
                            heapUsed += (long) Double.parseDouble(m.group(1));
                        }
                        maxHeap.accumulateAndGet(heapUsed, Math::max);
                        Matcher held = IMAGE_BYTES.matcher(metrics);
                        if (held.find()) {
                            maxImageBytes.accumulateAndGet((long) Double.parseDouble(held.group(1)), Math::max);
                        }
                        Thread.sleep(50);
                    } catch (Exception e) {
                        // the service is busy or gone: the next sample will tell
                    }
                }
            });

            CountDownLatch start = new CountDownLatch(1);
            List<Future<Result>> futures = new ArrayList<>();
            var threads = Executors.newVirtualThreadPerTaskExecutor();
            for (int i = 0; i < scans; i++) {
                String url = imageBase + files.get(i).getFileName();
                String b = base;
                String t = token;
                futures.add(threads.submit(() -> {
                    start.await();
                    return classify(client, b, t, url);
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            double wall = (System.nanoTime() - began) / 1e9;
            sampling.set(false);
            sampler.join();
            threads.close();

            Map<String, Integer> answers = new TreeMap<>();
            int completed = 0;
            int byBudget = 0;
            int byBound = 0;
            List<Double> refusals = new ArrayList<>();
            List<Double> completions = new ArrayList<>();
            for (Result r : results) {
                answers.merge(r.status() + " " + r.code(), 1, Integer::sum);
                if (r.status() == 200) {
                    completed++;
                    completions.add(r.seconds());
                } else if (r.status() == 503 && r.code().equals("overloaded")) {
                    if (r.detail().contains("memory")) {
                        byBudget++;
                    } else {
                        byBound++;
                    }
                    refusals.add(r.seconds());
                }
            }
            int[] gc = gcPeaks(gcLog);
            boolean alive = service.isAlive();
            boolean oom = errors.indexOf("OutOfMemoryError") >= 0;
            System.out.printf("jar: %s, -Xmx%s, simulator speed %s, image budget %s%n", jar, heap,
                    options.getOrDefault("speed", "1"), options.getOrDefault("budget", "default"));
            System.out.printf("images: %d x %.1f MB (%s)%n", scans, Files.size(files.get(0)) / 1e6, "4000 x 3000 PNG");
            System.out.printf("scans at once: %d, wall time %.1f s, completed %d (%.2f scans/s)%n", scans, wall,
                    completed, completed / wall);
            System.out.printf("answers: %s%n", answers);
            System.out.printf("refused by the image budget: %d, by the in-flight bound: %d; refusals answered in %s%n",
                    byBudget, byBound, spread(refusals));
            System.out.printf("completed scans took %s%n", spread(completions));
            System.out.printf("errors (neither 200 nor a 503 refusal): %d%n", scans - completed - byBudget - byBound);
            System.out.printf("heap used, max sampled from /metrics every 50 ms: %.0f MiB%n", maxHeap.get() / 1048576.0);
            System.out.printf("heap from the GC log: at most %d MiB before a collection, %d MiB after one, of %d MiB"
                    + " (%d MiB after the last collection before the scans)%n", gc[0], gc[1], gc[2], idleAfterGc);
            System.out.printf("image_bytes_in_flight, max sampled: %s%n", maxImageBytes.get() < 0 ? "n/a (not published)"
                    : String.format("%.1f MiB", maxImageBytes.get() / 1048576.0));
            System.out.printf("OutOfMemoryError: %s; service alive after the run: %s%n", oom ? "YES" : "no", alive);
            System.out.printf("GC log and the service's data: %s%n", work);
            if (oom) {
                System.out.println(errors.substring(Math.max(0, errors.indexOf("OutOfMemoryError") - 200),
                        Math.min(errors.length(), errors.indexOf("OutOfMemoryError") + 400)));
            }
        } finally {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
            imageServer.stop(0);
        }
    }

    record Result(int status, String code, String detail, double seconds) {
    }

    /** "min / median / max s" of some durations. */
    private static String spread(List<Double> seconds) {
        if (seconds.isEmpty()) {
            return "(none)";
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        return String.format("%.2f / %.2f / %.2f s (min / median / max)", sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    private static Result classify(HttpClient client, String base, String token, String imageUrl) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/scan/classify"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .header("Cookie", "s_access=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"image_url\":\"" + imageUrl + "\",\"user_input\":\"\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            String code = field(body, "code");
            return new Result(response.statusCode(), code.isEmpty() ? field(body, "status") : code, field(body, "detail"),
                    (System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            return new Result(0, e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    /** Largest heap before and after a collection, and the heap's size, in MiB, from -Xlog:gc lines. */
    private static int[] gcPeaks(Path log) throws IOException {
        int before = 0;
        int after = 0;
        int size = 0;
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    before = Math.max(before, Integer.parseInt(m.group(1)));
                    after = Math.max(after, Integer.parseInt(m.group(2)));
                    size = Math.max(size, Integer.parseInt(m.group(3)));
                }
            }
        }
        return new int[] {before, after, size};
    }

    /** The heap after the latest collection so far, in MiB. */
    private static int lastAfterGc(Path log) throws IOException {
        int after = 0;
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    after = Integer.parseInt(m.group(2));
                }
            }
        }
        return after;
    }

    private static void drain(Process service, StringBuffer errors) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(service.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                if (line.contains("Exception") || line.contains("Error") || errors.length() < 100_000) {
                    errors.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the service ended
        }
    }

    /** {@code count} PNGs of the same noisy picture, each with its own extra text chunk. */
    private static List<Path> makeImages(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        Path first = dir.resolve("photo-0.png");
        byte[] base = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve("photo-" + i + ".png");
            if (!Files.exists(file)) {
                if (base == null) {
                    System.out.println("making the images in " + dir + " (once) ...");
                    base = withText(noisyPhoto(4000, 3000), "eco-scan:item", ITEM);
                }
                Files.write(file, withText(base, "eco-scan:copy", String.valueOf(i)));
            }
            files.add(file);
        }
        return files;
    }

    /** A gradient with one bit of noise in half the pixels: about 10 MB as PNG, like a camera's. */
    private static byte[] noisyPhoto(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean noisy = random.nextInt(10) < 5;
                int r = x * 200 / width + (noisy ? random.nextInt(2) : 0);
                int g = y * 200 / height + (noisy ? random.nextInt(2) : 0);
                int b = 120 + (noisy ? random.nextInt(2) : 0);
                pixels[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The PNG with a tEXt chunk added right after its header chunk. */
    private static byte[] withText(byte[] png, String keyword, String text) {
        int headerEnd = 8 + 8 + ByteBuffer.wrap(png, 8, 4).getInt() + 4;
        byte[] data = (keyword + '\0' + text).getBytes(StandardCharsets.ISO_8859_1);
        byte[] typed = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.ISO_8859_1), 0, typed, 0, 4);
        System.arraycopy(data, 0, typed, 4, data.length);
        CRC32 crc = new CRC32();
        crc.update(typed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + typed.length + 8);
        out.write(png, 0, headerEnd);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typed);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, headerEnd, png.length - headerEnd);
        return out.toByteArray();
    }

    /** Files of {@code dir} at /NAME, with their length, streamed from disk. */
    private static HttpServer serve(Path dir) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                Path file = dir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream body = exchange.getResponseBody()) {
                    Files.copy(file, body);
                } catch (IOException e) {
                    // the service stopped reading (a refused fetch): nothing to do
                }
            }
        });
        server.start();
        return server;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value, not " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
