package dev.ecoscan.adapter.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A chat-completions endpoint on the JDK's server for the adapters' tests: it records each request's
 * JSON and {@code Authorization} header, and answers what {@code reply} makes of the request. It shows
 * what goes over the wire without the simulator's own behaviour in the way.
 */
final class CapturingProvider implements AutoCloseable {

    /** A status and a JSON body. */
    record Reply(int status, String body) {

        static Reply ok(String body) {
            return new Reply(200, body);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Function<JsonNode, Reply> reply;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private CapturingProvider(Function<JsonNode, Reply> reply) {
        this.reply = reply;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
    }

    static CapturingProvider answering(Function<JsonNode, Reply> reply) {
        return new CapturingProvider(reply);
    }

    /** The requests so far, in order. */
    List<JsonNode> requests() {
        return requests;
    }

    List<String> authorizations() {
        return authorizations;
    }

    /** Both adapters on this endpoint alone, with one model for both steps and a 300-token cap. */
    OpenAiAdapters adapters(String key, String model, Taxonomy taxonomy, ModelCallRecorder calls) {
        StepLimits step = new StepLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 300);
        OpenAiSettings settings = new OpenAiSettings(
                List.of(ProviderEndpoint.of(
                        "primary",
                        Provider.OPENAI,
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"),
                        key,
                        model,
                        model)),
                step,
                step,
                Sampling.providerDefaults(),
                RetryPolicy.standard(),
                BreakerPolicy.standard(),
                false,
                10);
        return OpenAiAdapters.create(settings, taxonomy, calls, Clock.systemUTC());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void complete(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        Reply answer = reply.apply(request);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
