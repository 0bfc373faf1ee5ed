package dev.ecoscan.adapter.character;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository suite on the embedded default: H2 in file mode, in a data directory of its own. */
class JdbcRewardMatcherOnH2Test extends CharacterRepositoryContract {

    @TempDir
    Path dataDir;

    @Override
    Opener newDatabase() {
        return () -> CharacterDatabase.embedded(dataDir);
    }

    @Test
    void the_embedded_database_writes_each_commit_before_it_returns() throws SQLException {
        assertThat(count("SELECT CAST(SETTING_VALUE AS INT) FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME = 'WRITE_DELAY'")).isZero();
    }

    @Test
    void the_embedded_database_lives_in_the_data_directory() {
        assertThat(dataDir.resolve("characters.mv.db")).exists();
        assertThat(database().description()).isEqualTo("embedded H2 in " + dataDir.toAbsolutePath());
    }
}
