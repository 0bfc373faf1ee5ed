package dev.ecoscan.testkit;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** A classifier that answers what the test scripted, and remembers every request. */
public final class ScriptedClassifier implements Classifier {

    private final Function<ClassificationRequest, ClassifierVerdict> script;
    private final List<ClassificationRequest> requests = new CopyOnWriteArrayList<>();

    public ScriptedClassifier(Function<ClassificationRequest, ClassifierVerdict> script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * Always names this category, resolved against the embedded taxonomy as a real classifier resolves
     * its model's labels; labels are ids or Korean names, e.g. ("재활용폐기물", "종이팩", "우유팩").
     * Labels the taxonomy lacks give an {@link ClassifierVerdict.OutOfTaxonomy} verdict.
     */
    public static ScriptedClassifier labelling(String major, String middle, String item, String... tags) {
        return labelling(KnowledgeBase.embedded().taxonomy(), major, middle, item, tags);
    }

    /** Like {@link #labelling(String, String, String, String...)}, against another taxonomy. */
    public static ScriptedClassifier labelling(
            Taxonomy taxonomy, String major, String middle, String item, String... tags) {
        return returning(ClassifierVerdict.of(taxonomy.resolve(CategoryLabels.of(major, middle, item, tags))));
    }

    public static ScriptedClassifier returning(ClassifierVerdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        return new ScriptedClassifier(request -> verdict);
    }

    public static ScriptedClassifier unclassifiable(String reason) {
        return returning(new ClassifierVerdict.Unclassifiable(reason));
    }

    public static ScriptedClassifier failing(FailureKind kind) {
        return returning(new ClassifierVerdict.Failure(kind, "scripted " + kind + " failure"));
    }

    public static ScriptedClassifier throwing(RuntimeException error) {
        return new ScriptedClassifier(request -> {
            throw error;
        });
    }

    /** Blocks until the pipeline interrupts it: an adapter that ignores the deadline it was given. */
    public static ScriptedClassifier hangingUntilInterrupted() {
        return new ScriptedClassifier(request -> {
            try {
                new CountDownLatch(1).await();
                throw new AssertionError("a latch nobody counts down cannot open");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ClassifierVerdict.Failure(FailureKind.DEADLINE_EXCEEDED, "interrupted at the deadline");
            }
        });
    }

    @Override
    public ClassifierVerdict classify(ClassificationRequest request) {
        requests.add(request);
        return script.apply(request);
    }

    public List<ClassificationRequest> requests() {
        return List.copyOf(requests);
    }

    public int calls() {
        return requests.size();
    }
}
