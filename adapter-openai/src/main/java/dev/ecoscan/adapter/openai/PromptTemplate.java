package dev.ecoscan.adapter.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A prompt kept as a resource file, with {@code {{name}}} placeholders. */
final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String name;
    private final String text;

    private PromptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static PromptTemplate load(String name) {
        String resource = "prompts/" + name;
        try (InputStream in = PromptTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt " + resource + " is missing from the classpath");
            }
            return new PromptTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
    }

    /** The text with every placeholder replaced; a placeholder without a value is a bug, so it throws. */
    String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt " + name + " needs a value for " + matcher.group());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }
}
