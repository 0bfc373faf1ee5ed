package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.domain.scan.Step;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Scorecards as text for a person: a block per model, then a comparison line when there are several. */
public final class ScoreText {

    private ScoreText() {}

    public static String render(List<Scorecard> cards) {
        StringBuilder text = new StringBuilder();
        for (Scorecard card : cards) {
            text.append(block(card));
        }
        return text.toString();
    }

    public static String block(Scorecard card) {
        StringBuilder text = new StringBuilder();
        line(text, "model " + card.model(), card.scans() + " scans, " + card.failures() + " failed");
        line(
                text,
                "  accuracy",
                "major " + card.major().describe() + "  middle " + card.middle().describe() + "  item "
                        + card.item().describe());
        line(
                text,
                "  tags",
                "precision " + card.tagPrecision().describe() + "  recall "
                        + card.tagRecall().describe());
        line(
                text,
                "  rejections",
                "expected caught " + card.rejections().describe() + "  false rejections "
                        + card.falseRejections().describe());
        line(text, "  latency p50/p99", latencies(card));
        line(text, "  tokens", tokens(card));
        line(text, "  cost per scan", cost(card));
        line(text, "  confused most", confusions(card));
        return text.toString();
    }

    static String latencies(Scorecard card) {
        StringBuilder text = new StringBuilder();
        for (Step step : Step.values()) {
            Latency latency = card.steps().get(step);
            if (latency != null) {
                text.append(step.label()).append(' ').append(latency.describe()).append("  ");
            }
        }
        return text.append("scan ").append(card.scan().describe()).toString();
    }

    static String tokens(Scorecard card) {
        TokenUse tokens = card.tokens();
        int scans = Math.max(1, card.scans());
        return String.format(
                Locale.ROOT,
                "input %,d uncached + %,d cached, output %,d in %,d calls (per scan: %,d + %,d in, %,d out)",
                tokens.uncachedInput(),
                tokens.cachedInput(),
                tokens.output(),
                tokens.calls(),
                tokens.uncachedInput() / scans,
                tokens.cachedInput() / scans,
                tokens.output() / scans);
    }

    static String cost(Scorecard card) {
        return card.costPerScanUsd()
                .map(usd -> String.format(Locale.ROOT, "$%.6f (per 1,000 scans $%.2f)", usd, usd * 1000))
                .orElse("no estimate (a model of this pass has no price)");
    }

    static String confusions(Scorecard card) {
        if (card.confusions().isEmpty()) {
            return "none";
        }
        return card.confusions().stream()
                .map(confusion -> confusion.expected() + " → " + confusion.found() + " ×" + confusion.count())
                .collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "%-18s %s%n", label, value));
    }
}
