// Holds N chat-completion requests in flight at once against an LLM simulator (or any
// OpenAI-compatible server) and reports how many completed, how long it took, and the server's
// own in-flight peak from /stats. Run it in its own process, beside `./eco-scan simulator`:
//   java tools/SimulatorLoad.java http://127.0.0.1:8099 10000
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

public class SimulatorLoad {

    private static final String BODY = """
            {"model":"load","max_tokens":200,"messages":[{"role":"system","content":"분리배출 안내 도우미"},
             {"role":"user","content":"품목: 우유팩\\n- 헹궈요.\\n- 말려요.\\n질문: (없음)"}],
             "response_format":{"type":"json_schema","json_schema":{"name":"a","strict":true,"schema":{
               "type":"object","additionalProperties":false,"required":["user_answer","disposal_steps","insufficiencies"],
               "properties":{"user_answer":{"type":"string"},"disposal_steps":{"type":"array","items":{"type":"string"}},
               "insufficiencies":{"type":"array","items":{"type":"string"}}}}}}}""";

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8099");
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        send(client, HttpRequest.newBuilder(server.resolve("/stats/reset")).POST(HttpRequest.BodyPublishers.noBody()));

        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        long began;
        List<Future<?>> futures = new ArrayList<>(concurrency);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    String outcome;
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                        server.resolve("/v1/chat/completions"))
                                .timeout(Duration.ofSeconds(120))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        outcome = "HTTP " + response.statusCode();
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        String stats = send(client, HttpRequest.newBuilder(server.resolve("/stats")).GET());
        System.out.printf("requests in flight at once: %d%n", concurrency);
        System.out.printf("outcomes: %s%n", new TreeMap<>(outcomes));
        System.out.printf("wall time: %.1f s (%.0f requests/s)%n", seconds, concurrency / seconds);
        System.out.printf("server /stats: %s%n", stats);
    }

    private static String send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
