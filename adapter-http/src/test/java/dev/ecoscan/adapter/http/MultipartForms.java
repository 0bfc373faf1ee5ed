package dev.ecoscan.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** multipart/form-data bodies written by hand, well-formed or not, and sent as a signed-in user. */
final class MultipartForms {

    static final String BOUNDARY = "----eco-scan-test-boundary-7MA4YWxkTrZu0gW";
    static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    static byte[] milkCarton() {
        try {
            return Files.readAllBytes(Path.of("../samples/milk-carton.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MultipartForms file(String name, String filename, String type, byte[] content) {
        return part(
                "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\nContent-Type: "
                        + type,
                content);
    }

    MultipartForms text(String name, String value) {
        return part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
    }

    MultipartForms part(String headers, byte[] content) {
        body.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** The body with its closing delimiter. */
    byte[] bytes() {
        ByteArrayOutputStream closed = new ByteArrayOutputStream();
        closed.writeBytes(body.toByteArray());
        closed.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return closed.toByteArray();
    }

    /** The body as written so far, without a closing delimiter. */
    byte[] unclosed() {
        return body.toByteArray();
    }

    static HttpResponse<String> post(ApiFixture api, String path, String contentType, byte[] body) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", contentType)
                .header("Cookie", "s_access=" + ApiFixture.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
