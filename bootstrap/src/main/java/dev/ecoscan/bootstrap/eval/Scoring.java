package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.application.cost.PriceTable;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Scores one model's pass: compares each scan with its label, and sums its time, tokens and cost. */
public final class Scoring {

    /** The confusions a report lists; past these the rest are rare enough to leave out. */
    static final int TOP_CONFUSIONS = 10;

    private final PriceTable prices;

    public Scoring(PriceTable prices) {
        this.prices = prices;
    }

    public Scorecard score(String model, List<ScanResult> results) {
        Counter major = new Counter();
        Counter middle = new Counter();
        Counter item = new Counter();
        Counter rejections = new Counter();
        Counter falseRejections = new Counter();
        long tagsFound = 0;
        long tagsExpected = 0;
        long tagsRight = 0;
        Map<String, Integer> confused = new LinkedHashMap<>();
        for (ScanResult result : results) {
            Optional<CategoryPath> expected = result.image().expected().path();
            if (expected.isEmpty()) {
                rejections.count(result.rejected());
                if (!result.rejected()) {
                    confused.merge(key(result), 1, Integer::sum);
                }
                continue;
            }
            falseRejections.count(result.rejected());
            Optional<CategoryPath> found = result.classification().map(Classification::path);
            major.count(found.filter(path -> path.major().equals(expected.get().major()))
                    .isPresent());
            middle.count(found.filter(path -> path.major().equals(expected.get().major())
                            && path.middle().equals(expected.get().middle()))
                    .isPresent());
            boolean named = found.filter(
                            path -> path.item().equals(expected.get().item()))
                    .isPresent();
            item.count(named);
            if (!named) {
                confused.merge(key(result), 1, Integer::sum);
            }
            Optional<Set<String>> tags = result.classification().map(Scoring::tagIds);
            if (tags.isPresent()) {
                Set<String> wanted = result.image().expected().tags();
                tagsFound += tags.get().size();
                tagsExpected += wanted.size();
                tagsRight += tags.get().stream().filter(wanted::contains).count();
            }
        }
        List<ModelCall> calls =
                results.stream().flatMap(result -> result.calls().stream()).toList();
        return new Scorecard(
                model,
                results.size(),
                major.ratio(),
                middle.ratio(),
                item.ratio(),
                new Ratio(tagsRight, tagsFound),
                new Ratio(tagsRight, tagsExpected),
                rejections.ratio(),
                falseRejections.ratio(),
                (int) results.stream()
                        .filter(result -> result.found().startsWith("failed"))
                        .count(),
                steps(results),
                Latency.of(results.stream().map(ScanResult::elapsed).toList()),
                TokenUse.of(calls),
                costPerScan(calls, results.size()),
                confusions(confused));
    }

    private static Set<String> tagIds(Classification classification) {
        return classification.situation().stream().map(SituationTag::id).collect(Collectors.toSet());
    }

    /** Expected and found, joined by a character no name has. */
    private static String key(ScanResult result) {
        return result.image().expected().describe() + "\u0000" + result.found();
    }

    private static List<Confusion> confusions(Map<String, Integer> counts) {
        List<Confusion> confusions = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("\u0000", 2);
            confusions.add(new Confusion(parts[0], parts[1], count));
        });
        return confusions.stream()
                .sorted(Comparator.comparingInt(Confusion::count).reversed())
                .limit(TOP_CONFUSIONS)
                .toList();
    }

    private static Map<Step, Latency> steps(List<ScanResult> results) {
        Map<Step, List<Duration>> byStep = new EnumMap<>(Step.class);
        results.stream()
                .flatMap(result -> result.outcome().timings().stream())
                .forEach(event -> byStep.computeIfAbsent(event.step(), step -> new ArrayList<>())
                        .add(event.duration()));
        Map<Step, Latency> latencies = new EnumMap<>(Step.class);
        byStep.forEach((step, durations) -> latencies.put(step, Latency.of(durations)));
        return latencies;
    }

    /** No estimate at all when any call's model is unpriced: a partial sum would read as the whole cost. */
    private Optional<Double> costPerScan(List<ModelCall> calls, int scans) {
        double total = 0;
        Set<String> unpriced = new HashSet<>();
        for (ModelCall call : calls) {
            Optional<Double> cost = prices.costUsd(call);
            if (cost.isEmpty()) {
                unpriced.add(call.model());
            }
            total += cost.orElse(0.0);
        }
        return unpriced.isEmpty() && scans > 0 ? Optional.of(total / scans) : Optional.empty();
    }

    /** Hits out of a total, counted one image at a time. */
    private static final class Counter {
        private long hits;
        private long total;

        void count(boolean hit) {
            total++;
            hits += hit ? 1 : 0;
        }

        Ratio ratio() {
            return new Ratio(hits, total);
        }
    }
}
