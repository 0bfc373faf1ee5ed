package dev.ecoscan.adapter.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the character database, and the errors that stop start-up. */
class CharacterDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void a_server_that_cannot_be_reached_stops_start_up_with_its_url_but_never_the_password() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/ecoscan?password=url-secret";

        assertThatThrownBy(() -> CharacterDatabase.external(url, "ecoscan", "argument-secret"))
                .isInstanceOf(CharacterDatabaseException.class)
                .hasMessageContaining("cannot open the character database (jdbc:postgresql://127.0.0.1:")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("url-secret")
                .hasMessageNotContaining("argument-secret");
    }

    @Test
    void a_url_that_is_not_jdbc_is_refused_before_anything_is_opened() {
        assertThatThrownBy(() -> CharacterDatabase.external("postgres://db/ecoscan", "ecoscan", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void a_data_directory_that_is_a_file_stops_start_up_with_its_path() throws IOException {
        Path file = Files.writeString(folder.resolve("not-a-directory"), "");

        assertThatThrownBy(() -> CharacterDatabase.embedded(file))
                .isInstanceOf(CharacterDatabaseException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void a_missing_data_directory_is_created() {
        Path dataDir = folder.resolve("data/nested");

        try (CharacterDatabase database = CharacterDatabase.embedded(dataDir)) {
            assertThat(dataDir.resolve("characters.mv.db")).exists();
            assertThat(database.migrationsApplied()).isEqualTo(1);
        }
    }

    @Test
    void passwords_in_a_url_are_masked() {
        assertThat(CharacterDatabase.redacted("jdbc:postgresql://db/ecoscan?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/ecoscan?user=app&password=***&ssl=true");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
