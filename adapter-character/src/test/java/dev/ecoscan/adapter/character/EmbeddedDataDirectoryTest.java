package dev.ecoscan.adapter.character;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.scan.UserId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store serves one process at a time; a second one is told so, and what to do instead. */
@Timeout(60)
class EmbeddedDataDirectoryTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    private record Result(int exitCode, String output) {}

    @Test
    void a_second_process_opening_the_same_data_directory_gets_a_clear_error() throws Exception {
        try (CharacterDatabase first = CharacterDatabase.embedded(dataDir)) {
            Result second = openInAnotherProcess();

            assertThat(second.exitCode()).as(second.output()).isEqualTo(OpenDataDirectory.REFUSED);
            assertThat(second.output())
                    .startsWith("REFUSED the data directory " + dataDir.toAbsolutePath()
                            + " is in use by another eco-scan process")
                    .contains("PostgreSQL");
            assertThat(new JdbcRewardMatcher(first, RewardRequests.CATALOGUE, Clock.systemUTC())
                            .ownedBy(new UserId("dana")))
                    .as("the first process is unaffected")
                    .isEmpty();
        }
    }

    @Test
    void the_data_directory_is_free_again_once_the_first_process_has_closed_it() throws Exception {
        CharacterDatabase.embedded(dataDir).close();

        Result second = openInAnotherProcess();

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).startsWith("OPENED embedded H2 in " + dataDir.toAbsolutePath());
    }

    private Result openInAnotherProcess() throws Exception {
        Path stderr = logs.resolve("second-process.err");
        Process process = ChildJvm.start(OpenDataDirectory.class, stderr, dataDir.toString());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output + "\n(stderr: " + Files.readString(stderr) + ")");
    }
}
