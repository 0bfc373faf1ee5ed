package dev.ecoscan.adapter.character;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.h2.api.ErrorCode;

/** The HikariCP pool eco-scan opens for its own character database: its sizes, timeouts and start-up errors. */
final class CharacterPool {

    private CharacterPool() {}

    static HikariConfig config(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("eco-scan-characters");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(CharacterDatabase.POOL_SIZE);
        config.setConnectionTimeout(CharacterDatabase.CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        return config;
    }

    /** Opens the pool; {@code explanation} gives a failure we can explain better a message of its own. */
    static HikariDataSource start(
            HikariConfig config, String description, Function<Throwable, Optional<String>> explanation) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            // Hikari wraps the driver's SQLException; its message is the useful part.
            Throwable cause = firstSqlException(e).map(Throwable.class::cast).orElse(e);
            String message = explanation
                    .apply(cause)
                    .orElse("cannot open the character database (" + description + "): " + cause.getMessage());
            throw new CharacterDatabaseException(message, e);
        }
    }

    static boolean isH2FileLocked(Throwable failure) {
        return failure instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
    }

    private static Optional<SQLException> firstSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
