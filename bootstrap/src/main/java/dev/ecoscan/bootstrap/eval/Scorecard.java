package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.domain.scan.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model's scores over a set.
 *
 * @param major          expected items whose major category the scan found
 * @param middle         expected items whose middle category (the major, for a major without middles) it found
 * @param item           expected items it named exactly
 * @param tagPrecision   tags found that were expected, over the expected items a scan classified
 * @param tagRecall      tags expected that were found, over the same images
 * @param rejections     expected rejections the scan did reject
 * @param falseRejections expected items the scan rejected
 * @param failures       scans that failed (provider error, deadline): counted as wrong, not left out
 * @param steps          p50/p99 per pipeline step that ran
 * @param scan           p50/p99 of the whole scan, as the evaluator waited for it
 * @param costPerScanUsd the estimated cost of one scan; empty when a model of the pass has no price
 * @param confusions     what was found instead of the expected, most frequent first
 */
public record Scorecard(
        String model,
        int scans,
        Ratio major,
        Ratio middle,
        Ratio item,
        Ratio tagPrecision,
        Ratio tagRecall,
        Ratio rejections,
        Ratio falseRejections,
        int failures,
        Map<Step, Latency> steps,
        Latency scan,
        TokenUse tokens,
        Optional<Double> costPerScanUsd,
        List<Confusion> confusions) {

    public Scorecard {
        steps = Map.copyOf(steps);
        confusions = List.copyOf(confusions);
    }
}
