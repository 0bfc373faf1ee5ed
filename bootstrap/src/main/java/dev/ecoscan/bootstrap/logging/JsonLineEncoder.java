package dev.ecoscan.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * Logback's encoder for eco-scan's {@link LogLine}: an event's SLF4J key-value pairs become fields of
 * the line (Logback's own JSON encoder would list them as text in a {@code kvpList} array).
 * {@code logback.xml} names it.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    @Override
    public byte[] headerBytes() {
        return new byte[0];
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return line(event).jsonLine();
    }

    @Override
    public byte[] footerBytes() {
        return new byte[0];
    }

    static LogLine line(ILoggingEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                fields.put(pair.key, pair.value);
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        return new LogLine(
                event.getInstant(),
                Level.valueOf(event.getLevel().toString()),
                event.getLoggerName(),
                event.getThreadName(),
                String.valueOf(event.getFormattedMessage()),
                fields,
                thrown == null ? Optional.empty() : Optional.of(ThrowableProxyUtil.asString(thrown)));
    }
}
