package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.testservers.LocalServers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A photo uploaded by a foreign client, the real {@code curl}, to {@code eco-scan serve} in dev mode:
 * the line the banner prints, and the acceptance line run from the clone's root
 * ({@code curl -F image=@samples/milk-carton.png}), both answered 200 with the milk carton.
 */
class UploadWithCurlTest {

    private static final Path CURL = Path.of("/usr/bin/curl");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The banner's upload line: {@code curl -s URL -b 's_access=TOKEN' -F image=@FILE}. */
    private static final Pattern UPLOAD = Pattern.compile("upload it: (curl -s (\\S+) -b '([^']+)' -F image=@\\S+)");

    @TempDir
    Path dir;

    @Test
    void curl_uploads_the_sample_photo_as_the_banner_says_and_as_a_person_would_from_the_clone() throws Exception {
        if (!Files.isExecutable(CURL)) {
            throw LocalServers.missing("curl", "curl");
        }
        try (ServeProcess serve = ServeProcess.start(dir, Map.of())) {
            Matcher banner = UPLOAD.matcher(serve.awaitStdout(line -> line.contains("upload it: curl")));
            assertThat(banner.find()).as("the banner's upload line").isTrue();
            Path serverDir = Path.of(System.getProperty("user.dir"));

            // The banner's line as printed, run where the service runs (its samples path is relative to it).
            List<String> asPrinted =
                    new ArrayList<>(Arrays.stream(banner.group(1).split(" "))
                            .map(word -> word.replace("'", ""))
                            .toList());
            assertMilkCarton(curl(serverDir, asPrinted));

            // The acceptance line, from the root of the clone.
            assertMilkCarton(curl(
                    serverDir.getParent(),
                    List.of(
                            "curl",
                            "-s",
                            "-F",
                            "image=@samples/milk-carton.png",
                            "-H",
                            "Cookie: " + banner.group(3),
                            banner.group(2))));
        }
    }

    private static void assertMilkCarton(Answer answer) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asText()).isEqualTo("completed");
        assertThat(body.at("/pipeline_result/classification_result/classification/minor_category")
                        .asText())
                .isEqualTo("우유팩");
    }

    private record Answer(int status, String body) {}

    /** Runs curl with {@code args} (its first word is "curl") in {@code folder}; the status comes on a last line of its own. */
    private Answer curl(Path folder, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(args);
        command.set(0, CURL.toString());
        command.addAll(List.of("-w", "\n%{http_code}", "--max-time", "60"));
        Path out = Files.createTempFile(dir, "curl", ".txt");
        Process curl = new ProcessBuilder(command)
                .directory(new File(folder.toString()))
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(curl.waitFor(90, TimeUnit.SECONDS)).as("curl ends").isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        int lastLine = text.lastIndexOf('\n');
        return new Answer(Integer.parseInt(text.substring(lastLine + 1).strip()), text.substring(0, lastLine));
    }
}
