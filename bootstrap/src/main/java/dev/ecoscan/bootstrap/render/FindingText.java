package dev.ecoscan.bootstrap.render;

import dev.ecoscan.domain.rule.Advice;
import dev.ecoscan.domain.rule.Guide;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A text search's findings for a terminal: each match's path, where it goes, its steps and sources. */
public final class FindingText {

    private FindingText() {}

    public static String render(Taxonomy taxonomy, List<Guide.Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Guide.Finding finding : findings) {
            out.append(finding.hit().display(taxonomy))
                    .append("  [")
                    .append(finding.hit().node().id())
                    .append("]  (")
                    .append(finding.hit().match().name().toLowerCase(Locale.ROOT))
                    .append(": ")
                    .append(finding.hit().spelling())
                    .append(")")
                    .append(System.lineSeparator());
            finding.advice().ifPresentOrElse(advice -> advice(out, advice), () -> middles(out, finding));
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static void advice(StringBuilder out, Advice advice) {
        line(out, "goes to", advice.destination());
        line(out, "summary", advice.summary());
        for (int i = 0; i < advice.steps().size(); i++) {
            line(out, i == 0 ? "steps" : "", (i + 1) + ". " + advice.steps().get(i));
        }
        advice.regionalNotice().ifPresent(notice -> line(out, "note", notice));
        line(
                out,
                "sources",
                advice.sources().stream()
                        .map(s -> s.title() + " <" + s.url() + ">")
                        .collect(Collectors.joining("; ")));
    }

    /** A major split into middles has no rule of its own: name the middles to search for instead. */
    private static void middles(StringBuilder out, Guide.Finding finding) {
        if (finding.hit().node() instanceof MajorCategory major) {
            line(
                    out,
                    "goes to",
                    "종류에 따라 달라요: "
                            + major.middles().stream().map(MiddleCategory::name).collect(Collectors.joining(", ")));
        }
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(String.format(Locale.ROOT, "  %-9s %s%n", label, text));
    }
}
