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

    /**
     * Classifies each request as {@code script} says.
     *
     * @param script the verdict for a request
     */
    public ScriptedClassifier(Function<ClassificationRequest, ClassifierVerdict> script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * Always names this category, resolved against the embedded taxonomy as a real classifier resolves
     * its model's labels; labels are ids or Korean names, e.g. ("재활용폐기물", "종이팩", "우유팩").
     * Labels the taxonomy lacks give an {@link ClassifierVerdict.OutOfTaxonomy} verdict.
     *
     * @param major  the major category, id or name
     * @param middle the middle category, or null for none
     * @param item   the item, id or name
     * @param tags   situation tags, ids or labels
     * @return a classifier giving that verdict for every image
     */
    public static ScriptedClassifier labelling(String major, String middle, String item, String... tags) {
        return labelling(KnowledgeBase.embedded().taxonomy(), major, middle, item, tags);
    }

    /**
     * Like {@link #labelling(String, String, String, String...)}, against another taxonomy.
     *
     * @param taxonomy the taxonomy to resolve the labels in
     * @param major    the major category, id or name
     * @param middle   the middle category, or null for none
     * @param item     the item, id or name
     * @param tags     situation tags, ids or labels
     * @return a classifier giving that verdict for every image
     */
    public static ScriptedClassifier labelling(
            Taxonomy taxonomy, String major, String middle, String item, String... tags) {
        return returning(ClassifierVerdict.of(taxonomy.resolve(CategoryLabels.of(major, middle, item, tags))));
    }

    /**
     * Gives the same verdict for every image.
     *
     * @param verdict the verdict
     * @return the classifier
     */
    public static ScriptedClassifier returning(ClassifierVerdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        return new ScriptedClassifier(request -> verdict);
    }

    /**
     * Finds every image unclassifiable.
     *
     * @param reason what the verdict says
     * @return the classifier
     */
    public static ScriptedClassifier unclassifiable(String reason) {
        return returning(new ClassifierVerdict.Unclassifiable(reason));
    }

    /**
     * Fails every request.
     *
     * @param kind what the failure says went wrong
     * @return a classifier that always fails
     */
    public static ScriptedClassifier failing(FailureKind kind) {
        return returning(new ClassifierVerdict.Failure(kind, "scripted " + kind + " failure"));
    }

    /**
     * Throws for every image: a broken adapter.
     *
     * @param error what to throw
     * @return the classifier
     */
    public static ScriptedClassifier throwing(RuntimeException error) {
        return new ScriptedClassifier(request -> {
            throw error;
        });
    }

    /**
     * Blocks until the pipeline interrupts it: an adapter that ignores the deadline it was given.
     *
     * @return a classifier that never answers on its own
     */
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

    /**
     * Every request the pipeline made, in order.
     *
     * @return the requests
     */
    public List<ClassificationRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * How many times the pipeline asked for a verdict.
     *
     * @return the number of requests
     */
    public int calls() {
        return requests.size();
    }
}
