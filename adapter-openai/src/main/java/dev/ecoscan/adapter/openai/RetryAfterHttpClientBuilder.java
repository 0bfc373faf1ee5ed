package dev.ecoscan.adapter.openai;

import dev.ecoscan.support.http.BlockingHttp;
import dev.ecoscan.support.http.OutboundHttp;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds {@link RetryAfterHttpClient} with a step's own timeouts. LangChain4j pushes its defaults
 * (60 s) into any builder it is given; those calls are ignored, so the configured step timeouts hold.
 */
final class RetryAfterHttpClientBuilder implements HttpClientBuilder {

    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    RetryAfterHttpClientBuilder(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration ignored) {
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration ignored) {
        return this;
    }

    @Override
    public HttpClient build() {
        // Streaming stays on LangChain4j's JDK client, with HTTP/2 only where TLS negotiates it: a
        // cleartext h2c upgrade breaks uvicorn-based servers.
        HttpClient streaming = new JdkHttpClientBuilder()
                .httpClientBuilder(OutboundHttp.clientFor(baseUrl))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .build();
        return new RetryAfterHttpClient(BlockingHttp.client(connectTimeout), readTimeout, streaming, Clock.systemUTC());
    }
}
