package dev.ecoscan.adapter.images;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.ImageReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The image client connects to the addresses a hop's check approved and looks nothing up itself. */
class AddressPinningTest {

    @Test
    void an_https_hop_connects_to_the_checked_address_and_names_the_host_in_its_tls_hello() throws Exception {
        // ".invalid" never resolves (RFC 6761): a client that looked the name up again would fail
        // there and never connect. Only the test's table knows it.
        FixedResolver dns = new FixedResolver().with("images.invalid", "127.0.0.1");
        // Dev mode's loopback addresses, and the host on the allow-list.
        ImageFetchPolicy policy = new ImageFetchPolicy(
                Set.of("images.invalid"),
                true,
                ImageFetchPolicy.DEFAULT_MAX_BYTES,
                ImageFetchPolicy.DEFAULT_CONNECT_TIMEOUT,
                ImageFetchPolicy.DEFAULT_TOTAL_TIMEOUT,
                ImageFetchPolicy.DEFAULT_MAX_REDIRECTS);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SafeUrlImageSource source = new SafeUrlImageSource(policy, dns)) {
            CompletableFuture<byte[]> hello = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try (Socket socket = listener.accept()) {
                    socket.setSoTimeout(5_000);
                    byte[] buffer = new byte[4096];
                    int read = socket.getInputStream().read(buffer);
                    hello.complete(Arrays.copyOf(buffer, Math.max(read, 0)));
                } catch (IOException e) {
                    hello.completeExceptionally(e);
                }
            });

            ImageLoad load = source.load(
                    ImageReference.parse("https://images.invalid:" + listener.getLocalPort() + "/milk.png"));

            assertThat(load)
                    .isIn(
                            new ImageLoad.Unreadable("the TLS handshake with image host images.invalid failed"),
                            new ImageLoad.Unreadable("connecting to image host images.invalid timed out"));
            byte[] received = hello.get(5, SECONDS);
            assertThat(received).isNotEmpty();
            assertThat(received[0]).as("a TLS handshake record").isEqualTo((byte) 0x16);
            assertThat(new String(received, ISO_8859_1))
                    .as("the server name (SNI) is the URL's host")
                    .contains("images.invalid");
            assertThat(dns.asked()).containsExactly("images.invalid");
        }
    }

    @Test
    void the_resolver_answers_only_the_pinned_host_and_only_while_pinned() throws Exception {
        CheckedAddresses addresses = new CheckedAddresses();
        InetAddress checked = InetAddress.getByAddress("images.example", new byte[] {(byte) 203, 0, 113, 7});

        assertThatThrownBy(() -> addresses.resolve("images.example")).isInstanceOf(UnknownHostException.class);
        CheckedAddresses.Pinned pinned = addresses.pin("Images.Example", List.of(checked));
        try {
            assertThat(addresses.resolve("images.example")).containsExactly(checked);
            assertThatThrownBy(() -> addresses.resolve("elsewhere.example")).isInstanceOf(UnknownHostException.class);
        } finally {
            // The pins are per thread for the whole process: a failed assertion must not leave one behind.
            pinned.close();
        }
        assertThatThrownBy(() -> addresses.resolve("images.example")).isInstanceOf(UnknownHostException.class);
    }
}
