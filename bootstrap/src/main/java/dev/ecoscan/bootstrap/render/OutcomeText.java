package dev.ecoscan.bootstrap.render;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** An outcome for a person reading a terminal: category path, rule, answer, reward, step timings. */
public final class OutcomeText {

    private OutcomeText() {}

    public static String render(ScanOutcome outcome, List<ModelCall> calls) {
        StringBuilder out = new StringBuilder();
        line(out, "scan", outcome.scanId().toString());
        switch (outcome) {
            case ScanOutcome.Completed done -> {
                line(
                        out,
                        "category",
                        done.classification().path().display()
                                + "  ["
                                + done.classification()
                                        .path()
                                        .item()
                                        .map(item -> item.id())
                                        .orElse(done.classification()
                                                .path()
                                                .ruleNode()
                                                .id())
                                + "]"
                                + done.classification()
                                        .unmatchedName()
                                        .map(name -> "  (the model said \"" + name + "\")")
                                        .orElse(""));
                if (!done.classification().situation().isEmpty()) {
                    line(
                            out,
                            "situation",
                            done.classification().situation().stream()
                                    .map(SituationTag::label)
                                    .collect(Collectors.joining(", ")));
                }
                line(out, "rule", done.rule().key() + " — " + done.rule().summary());
                if (!done.rule().notAccepted().isEmpty()) {
                    line(out, "not with it", String.join("; ", done.rule().notAccepted()));
                }
                line(out, "answer", done.answer().userAnswer());
                numbered(out, "steps", done.answer().steps());
                if (done.answer().hasInsufficiencies()) {
                    done.answer().insufficiencies().forEach(i -> line(out, "to fix", i));
                }
                line(out, "reward", reward(done.reward()));
            }
            case ScanOutcome.Rejected rejected ->
                line(out, "rejected", rejected.reason().name().toLowerCase(Locale.ROOT) + ": " + rejected.detail());
            case ScanOutcome.Failed failed ->
                line(
                        out,
                        "failed",
                        failed.kind().name().toLowerCase(Locale.ROOT) + " in step "
                                + failed.step().label() + ": " + failed.detail());
        }
        line(
                out,
                "timings",
                outcome.timings().isEmpty()
                        ? "(no step ran)"
                        : outcome.timings().stream().map(OutcomeText::timing).collect(Collectors.joining(" · ")));
        if (!calls.isEmpty()) {
            line(
                    out,
                    "tokens",
                    ModelUsage.of(calls).stream().map(ModelUsage::describe).collect(Collectors.joining(" · ")));
        }
        return out.toString();
    }

    private static String reward(RewardOutcome reward) {
        return switch (reward) {
            case RewardOutcome.Granted g ->
                "received " + g.character().name() + " (" + g.character().type() + ") — \""
                        + g.character().dialog() + "\" — for " + g.matchReason();
            case RewardOutcome.AlreadyOwned o ->
                "already owned: " + o.character().name() + " (" + o.character().type() + ") — for " + o.matchReason();
            case RewardOutcome.NotEligible n -> "not eligible: " + n.reason();
            case RewardOutcome.Unavailable u -> "unavailable: " + u.reason();
        };
    }

    private static String timing(StepEvent event) {
        String status =
                event.status() == StepStatus.SUCCESS ? "" : " " + event.status().label();
        return String.format(
                Locale.ROOT,
                "%s %.3fs%s",
                event.step().label(),
                event.duration().toNanos() / 1e9,
                status);
    }

    private static void numbered(StringBuilder out, String label, List<String> steps) {
        for (int i = 0; i < steps.size(); i++) {
            line(out, i == 0 ? label : "", (i + 1) + ". " + steps.get(i));
        }
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(String.format(Locale.ROOT, "%-12s %s%n", label, text));
    }
}
