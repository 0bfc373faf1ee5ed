package dev.ecoscan.bootstrap;

import dev.ecoscan.adapter.http.ScanApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The paths the OpenAPI document of the API lists with a GET: the routes serve's probes may use. */
final class OpenApiRoutes {

    static final Set<String> GET = read();

    private OpenApiRoutes() {}

    private static Set<String> read() {
        try (InputStream in = ScanApiServer.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("adapter-http's openapi.yaml is not on the classpath");
            }
            ManifestNode paths = new ManifestNode(
                            "openapi.yaml:", new Load(LoadSettings.builder().build()).loadFromInputStream(in))
                    .get("paths");
            return Set.copyOf(paths.entries().entrySet().stream()
                    .filter(path -> path.getValue().get("get").present())
                    .map(Map.Entry::getKey)
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
