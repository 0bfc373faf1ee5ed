package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.Texts;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A public page a rule's facts come from: an official or district page a person can open to check
 * the advice. Advice that people act on (and can get hurt by) must be traceable to one.
 *
 * @param title what the page is called
 * @param url   where it is
 */
public record Source(String title, URI url) {

    /** Checks that the title is present and the URL absolute. */
    public Source {
        title = Texts.requireText(title, "source title");
        Objects.requireNonNull(url, "source url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "source '" + title + "' needs an absolute http(s) address, not '" + url + "'");
        }
    }

    /**
     * A source from the knowledge base's text.
     *
     * @param title what the page is called
     * @param url   its address
     * @return the source
     * @throws IllegalArgumentException when the address is not a valid absolute URL
     */
    public static Source of(String title, String url) {
        try {
            return new Source(title, URI.create(Objects.requireNonNull(url, "source url")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source '" + title + "': " + e.getMessage(), e);
        }
    }
}
