package dev.ecoscan.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageHostTest {

    @TempDir
    Path folder;

    @Test
    void serves_the_one_image_at_its_own_name_and_nothing_else() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        Path image = Files.write(folder.resolve("carton.png"), png);

        try (ImageHost host = ImageHost.serving(image);
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> found =
                    client.send(HttpRequest.newBuilder(host.url()).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> other = client.send(
                    HttpRequest.newBuilder(host.url().resolve("/carton.png.bak"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(host.url().getHost()).isEqualTo("127.0.0.1");
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(found.body()).isEqualTo(png);
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }
}
