package dev.ecoscan.adapter.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * A provider's whole reply to a plain request, read while its connection is held.
 *
 * @param status  the HTTP status
 * @param headers the headers by name, matched regardless of case
 * @param body    the body as text (the charset of its Content-Type, else UTF-8); empty when it has none
 */
record ProviderReply(int status, Map<String, List<String>> headers, String body) {

    /**
     * Reads a reply; the body is read whole, as LangChain4j parses it whole.
     *
     * @throws IOException when the body cannot be read, or its Content-Type does not parse
     */
    static ProviderReply read(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        try {
            String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
            return new ProviderReply(response.getCode(), headers, body);
        } catch (ParseException e) {
            throw new IOException("the reply's Content-Type does not parse", e);
        }
    }

    /** The first value of a header, if the reply has it. */
    Optional<String> first(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
