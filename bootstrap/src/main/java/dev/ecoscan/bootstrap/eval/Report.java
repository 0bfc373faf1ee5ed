package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.domain.scan.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --report DIR}: {@code report.md} (its charts as SVG files beside it) and {@code report.html}
 * (the same tables, the charts inline), both readable offline.
 */
public final class Report {

    private Report() {}

    public static void write(Path dir, String title, List<Scorecard> cards) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> charts = ReportCharts.of(cards);
        for (Map.Entry<String, String> chart : charts.entrySet()) {
            Files.writeString(dir.resolve(chart.getKey()), chart.getValue(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("report.md"), markdown(title, cards, charts), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), html(title, cards, charts), StandardCharsets.UTF_8);
    }

    static String markdown(String title, List<Scorecard> cards, Map<String, String> charts) {
        StringBuilder md = new StringBuilder("# " + title + "\n\n");
        charts.keySet()
                .forEach(file ->
                        md.append("![").append(file).append("](").append(file).append(")\n\n"));
        md.append(table(cards, "| ", " | ", " |\n", true));
        for (Scorecard card : cards) {
            md.append("\n## ")
                    .append(card.model())
                    .append("\n\n```\n")
                    .append(ScoreText.block(card))
                    .append("```\n");
        }
        return md.toString();
    }

    static String html(String title, List<Scorecard> cards, Map<String, String> charts) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + SvgBarChart.escape(title) + "</title>\n<style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                + "td:first-child{text-align:left}pre{background:#f6f6f6;padding:1em}</style></head><body>\n");
        html.append("<h1>").append(SvgBarChart.escape(title)).append("</h1>\n");
        charts.values().forEach(svg -> html.append("<figure>").append(svg).append("</figure>\n"));
        html.append("<table>\n").append(table(cards, "<tr><td>", "</td><td>", "</td></tr>\n", false));
        html.append("</table>\n");
        for (Scorecard card : cards) {
            html.append("<h2>")
                    .append(SvgBarChart.escape(card.model()))
                    .append("</h2>\n<pre>")
                    .append(SvgBarChart.escape(ScoreText.block(card)))
                    .append("</pre>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** The measures before the per-step times, in the order the table lists them. */
    private static final List<Map.Entry<String, Function<Scorecard, String>>> ACCURACY = List.of(
            Map.entry("major", card -> card.major().describe()),
            Map.entry("middle", card -> card.middle().describe()),
            Map.entry("item", card -> card.item().describe()),
            Map.entry("tag precision", card -> card.tagPrecision().describe()),
            Map.entry("tag recall", card -> card.tagRecall().describe()),
            Map.entry("rejections caught", card -> card.rejections().describe()),
            Map.entry("failed", card -> Integer.toString(card.failures())));

    /** The measures after the per-step times. */
    private static final List<Map.Entry<String, Function<Scorecard, String>>> TOTALS = List.of(
            Map.entry("scan p50 / p99", card -> card.scan().describe()),
            Map.entry("tokens", ScoreText::tokens),
            Map.entry("cost per scan", ScoreText::cost));

    /** The comparison table, one row per measure and one column per model, in either syntax. */
    private static String table(List<Scorecard> cards, String open, String between, String close, boolean markdown) {
        TableSyntax syntax = new TableSyntax(open, between, close, markdown);
        StringBuilder table = new StringBuilder();
        syntax.row(table, "measure", values(cards, Scorecard::model));
        if (markdown) {
            table.append("|---".repeat(cards.size() + 1)).append("|\n");
        }
        ACCURACY.forEach(measure -> syntax.row(table, measure.getKey(), values(cards, measure.getValue())));
        for (Step step : Step.values()) {
            if (cards.stream().anyMatch(card -> card.steps().containsKey(step))) {
                List<String> times = values(
                        cards,
                        card -> card.steps().containsKey(step)
                                ? card.steps().get(step).describe()
                                : "-");
                syntax.row(table, step.label() + " p50 / p99", times);
            }
        }
        TOTALS.forEach(measure -> syntax.row(table, measure.getKey(), values(cards, measure.getValue())));
        return table.toString();
    }

    private static List<String> values(List<Scorecard> cards, Function<Scorecard, String> value) {
        return cards.stream().map(value).toList();
    }

    /** How a row is written: Markdown pipes (cells' own pipes escaped) or HTML cells (text escaped). */
    private record TableSyntax(String open, String between, String close, boolean markdown) {

        void row(StringBuilder table, String label, List<String> cells) {
            table.append(open).append(markdown ? label : SvgBarChart.escape(label));
            for (String cell : cells) {
                table.append(between).append(markdown ? cell.replace("|", "\\|") : SvgBarChart.escape(cell));
            }
            table.append(close);
        }
    }
}
