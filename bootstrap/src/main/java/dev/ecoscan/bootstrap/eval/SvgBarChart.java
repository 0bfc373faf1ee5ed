package dev.ecoscan.bootstrap.eval;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: no script, no font or file from the network, so a report
 * opens anywhere and can be mailed as one file.
 */
public final class SvgBarChart {

    /** One bar: its label, its length on the chart's scale, and the text written after it. */
    public record Bar(String label, double value, String text) {}

    private static final int LABEL_WIDTH = 230;
    private static final int BAR_WIDTH = 320;
    private static final int ROW = 24;
    private static final int TOP = 30;

    private SvgBarChart() {}

    /** Bars scaled to {@code max} (a value past it fills the row). */
    public static String render(String title, List<Bar> bars, double max) {
        int height = TOP + ROW * bars.size() + 10;
        int width = LABEL_WIDTH + BAR_WIDTH + 130;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width,
                height,
                width,
                height,
                escape(title)));
        svg.append(String.format(
                Locale.ROOT,
                "  <text x=\"0\" y=\"16\" font-weight=\"bold\" font-size=\"14\">%s</text>%n",
                escape(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + ROW * i;
            double share = max <= 0 ? 0 : Math.max(0, Math.min(1, bar.value() / max));
            int length = (int) Math.round(share * BAR_WIDTH);
            svg.append(String.format(
                    Locale.ROOT,
                    "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8,
                    y + 15,
                    escape(bar.label())));
            svg.append(String.format(
                    Locale.ROOT,
                    "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#3b7d4f\"/>%n",
                    LABEL_WIDTH,
                    y + 2,
                    length));
            svg.append(String.format(
                    Locale.ROOT,
                    "  <text x=\"%d\" y=\"%d\">%s</text>%n",
                    LABEL_WIDTH + length + 6,
                    y + 15,
                    escape(bar.text())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Text for XML and HTML alike. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
