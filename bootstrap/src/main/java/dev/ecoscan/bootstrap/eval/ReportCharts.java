package dev.ecoscan.bootstrap.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The report's charts, by file name: accuracy per level, scan time, and cost when every model is priced. */
final class ReportCharts {

    private ReportCharts() {}

    static Map<String, String> of(List<Scorecard> cards) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("accuracy.svg", SvgBarChart.render("Accuracy by level", accuracy(cards), 100));
        List<SvgBarChart.Bar> times = cards.stream()
                .map(card -> new SvgBarChart.Bar(
                        card.model(),
                        card.scan().p50().toMillis(),
                        String.format(Locale.ROOT, "%,d ms", card.scan().p50().toMillis())))
                .toList();
        charts.put("latency.svg", SvgBarChart.render("Scan time p50", times, max(times)));
        if (cards.stream().allMatch(card -> card.costPerScanUsd().isPresent())) {
            List<SvgBarChart.Bar> costs = cards.stream()
                    .map(card -> {
                        double perThousand = card.costPerScanUsd().orElseThrow() * 1000;
                        return new SvgBarChart.Bar(
                                card.model(), perThousand, String.format(Locale.ROOT, "$%.2f", perThousand));
                    })
                    .toList();
            charts.put("cost.svg", SvgBarChart.render("Cost per 1,000 scans (USD)", costs, max(costs)));
        }
        return charts;
    }

    private static List<SvgBarChart.Bar> accuracy(List<Scorecard> cards) {
        List<SvgBarChart.Bar> bars = new ArrayList<>();
        for (Scorecard card : cards) {
            bars.add(bar(card.model() + " · major", card.major()));
            bars.add(bar(card.model() + " · middle", card.middle()));
            bars.add(bar(card.model() + " · item", card.item()));
        }
        return bars;
    }

    private static SvgBarChart.Bar bar(String label, Ratio ratio) {
        Optional<Double> share = ratio.share();
        return new SvgBarChart.Bar(
                label,
                share.orElse(0.0) * 100,
                share.map(value -> String.format(Locale.ROOT, "%.1f%%", value * 100))
                        .orElse("n/a"));
    }

    private static double max(List<SvgBarChart.Bar> bars) {
        return bars.stream().mapToDouble(SvgBarChart.Bar::value).max().orElse(1);
    }
}
