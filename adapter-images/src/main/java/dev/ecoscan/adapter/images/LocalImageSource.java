package dev.ecoscan.adapter.images;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.support.http.OutboundHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line's image source: local files, inline bytes, and plain URL downloads with size,
 * time and type limits. It does not guard against server-side request forgery, so it is only for a
 * person fetching their own images (the command line); the HTTP service uses {@link SafeUrlImageSource}.
 */
public final class LocalImageSource implements ImageSource {

    /** Larger than any phone photo a vision model needs at low detail. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    public LocalImageSource(Duration timeout) {
        this.timeout = timeout;
        // HTTP/1.1 on cleartext (no h2c upgrade offer); requests built by OutboundHttp.request ask for
        // HTTP/2 over https only.
        this.http = OutboundHttp.client()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public ImageLoad load(ImageReference reference) {
        return switch (reference) {
            case ImageReference.File file -> loadFile(file);
            case ImageReference.Inline inline -> checked(inline.bytes(), inline.describe());
            case ImageReference.Url url -> download(url);
        };
    }

    private ImageLoad loadFile(ImageReference.File file) {
        try {
            if (Files.isDirectory(file.path())) {
                return new ImageLoad.Unreadable(file.describe() + " is a folder, not an image file");
            }
            if (Files.size(file.path()) > MAX_BYTES) {
                return tooLarge(file.describe());
            }
            return checked(Files.readAllBytes(file.path()), file.describe());
        } catch (NoSuchFileException e) {
            return new ImageLoad.Unreadable("no such file: " + file.describe());
        } catch (IOException e) {
            return new ImageLoad.Unreadable("cannot read " + file.describe() + ": " + e.getMessage());
        }
    }

    private ImageLoad download(ImageReference.Url url) {
        String scheme = url.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return new ImageLoad.Unreadable("only http(s) image URLs can be fetched: " + url.describe());
        }
        try {
            HttpRequest request =
                    OutboundHttp.request(url.uri()).timeout(timeout).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new ImageLoad.Unreadable(url.describe() + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                return bytes.length > MAX_BYTES ? tooLarge(url.describe()) : checked(bytes, url.describe());
            }
        } catch (IOException e) {
            return new ImageLoad.Unreadable("cannot fetch " + url.describe() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ImageLoad.Unreadable("fetching " + url.describe() + " was interrupted");
        }
    }

    private static ImageLoad checked(byte[] bytes, String what) {
        if (bytes.length == 0) {
            return new ImageLoad.Unreadable(what + " is empty");
        }
        Optional<String> type = ImageTypes.sniff(bytes);
        return type.<ImageLoad>map(t -> new ImageLoad.Loaded(Image.wrap(bytes, t)))
                .orElseGet(() -> new ImageLoad.Unreadable(what + " is not " + ImageTypes.ACCEPTED_TEXT));
    }

    private static ImageLoad tooLarge(String what) {
        return new ImageLoad.Unreadable(what + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
}
