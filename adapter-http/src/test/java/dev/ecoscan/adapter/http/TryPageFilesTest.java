package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The try-it page's files as the browser gets them: every element the script looks up is in the
 * page, every control has a label, nothing runs inline (the page's Content-Security-Policy forbids
 * it) and no text becomes HTML. The page working end to end is bootstrap's TryPageTest, in Chromium.
 */
class TryPageFilesTest {

    private static final String HTML = text("try/index.html");
    private static final String SCRIPT = text("try/page.js");

    @Test
    void every_element_the_script_looks_up_is_in_the_page() {
        Set<String> ids = matches(Pattern.compile("\\bid=\"([^\"]+)\""), HTML);
        Set<String> wanted = matches(Pattern.compile("\\$\\('([^']+)'\\)"), SCRIPT);
        assertThat(wanted).isNotEmpty();
        assertThat(ids).containsAll(wanted);
    }

    @Test
    void every_control_has_a_label() {
        Set<String> controls = matches(Pattern.compile("<(?:input|select|textarea)[^>]*\\bid=\"([^\"]+)\""), HTML);
        Set<String> labelled = matches(Pattern.compile("<label for=\"([^\"]+)\""), HTML);
        assertThat(controls).containsExactlyInAnyOrder("image", "sample", "question");
        assertThat(labelled).containsAll(controls);
    }

    @Test
    void nothing_runs_inline_and_no_text_becomes_html() {
        assertThat(HTML).doesNotContainPattern("<script>|<script [^>]*>[^<]|<style|\\son[a-z]+=|style=");
        assertThat(HTML).contains("<html lang=\"ko\">", "<!--samples-->", "aria-live=\"polite\"");
        assertThat(SCRIPT).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        // No font, script or style from anywhere but this server.
        assertThat(HTML + SCRIPT + text("try/page.css")).doesNotContainPattern("https?://|@import|url\\(");
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String text(String resource) {
        return new String(OperationRoutes.resource(resource), StandardCharsets.UTF_8);
    }
}
