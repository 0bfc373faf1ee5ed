package dev.ecoscan.adapter.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A header value of the form {@code value; name=token; name="quoted \"string\""}, as Content-Type
 * and a part's Content-Disposition are written. Strict: a parameter without '=', a name given twice
 * or an unterminated quote make it malformed (empty), never guessed at.
 *
 * @param value      the part before the first ';', in lower case
 * @param parameters the parameters by lower-case name
 */
record HeaderParameters(String value, Map<String, String> parameters) {

    HeaderParameters {
        parameters = Map.copyOf(parameters);
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    static Optional<HeaderParameters> parse(String header) {
        int semicolon = header.indexOf(';');
        String value = (semicolon < 0 ? header : header.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new HashMap<>();
        int i = semicolon < 0 ? header.length() : semicolon + 1;
        while (i < header.length()) {
            int equals = header.indexOf('=', i);
            if (equals < 0) {
                // A trailing ';' (with spaces) is harmless; a bare word is not a parameter.
                return header.substring(i).isBlank()
                        ? Optional.of(new HeaderParameters(value, parameters))
                        : Optional.empty();
            }
            String name = header.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            StringBuilder text = new StringBuilder();
            int j = equals + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    if (header.charAt(j) == '\\' && j + 1 < header.length()) {
                        j++;
                    }
                    text.append(header.charAt(j++));
                }
                if (j >= header.length()) {
                    return Optional.empty();
                }
                j++;
                while (j < header.length() && header.charAt(j) != ';') {
                    if (header.charAt(j++) != ' ') {
                        return Optional.empty();
                    }
                }
            } else {
                int end = header.indexOf(';', j);
                end = end < 0 ? header.length() : end;
                text.append(header, j, end);
                j = end;
            }
            if (name.isEmpty() || parameters.put(name, text.toString().strip()) != null) {
                return Optional.empty();
            }
            i = j + 1;
        }
        return Optional.of(new HeaderParameters(value, parameters));
    }
}
