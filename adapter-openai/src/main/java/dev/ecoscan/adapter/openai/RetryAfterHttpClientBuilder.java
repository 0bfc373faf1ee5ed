package dev.ecoscan.adapter.openai;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds {@link RetryAfterHttpClient} with a step's own timeouts. LangChain4j pushes its defaults
 * (60 s) into any builder it is given; those calls are ignored, so the configured step timeouts hold.
 */
final class RetryAfterHttpClientBuilder implements HttpClientBuilder {

    private final Duration connectTimeout;
    private final Duration readTimeout;

    RetryAfterHttpClientBuilder(Duration connectTimeout, Duration readTimeout) {
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
        // HTTP/2 where the provider offers it: one connection carries many scans' calls.
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .build();
        HttpClient streaming = new JdkHttpClientBuilder().connectTimeout(connectTimeout).readTimeout(readTimeout).build();
        return new RetryAfterHttpClient(jdk, readTimeout, streaming, Clock.systemUTC());
    }
}
