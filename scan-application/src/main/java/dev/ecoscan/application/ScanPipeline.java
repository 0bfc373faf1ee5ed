package dev.ecoscan.application;

import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.application.timing.StepTimer;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.port.AnswerStream;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.ClassifierVerdict;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.port.RuleLookup;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.reward.RewardDecision;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.reward.RewardPolicy;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Rejection;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.taxonomy.Classification;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs image load → vision → rule lookup → answer → reward for one scan.
 *
 * <p>It loads the image through {@link dev.ecoscan.domain.port.ImageSource} and hands the classifier
 * the loaded image, so a slow download is timed as the image load, not as vision; the load is held
 * in the image budget until the classifier is done with it. It stops early (no answer, no reward)
 * when the image cannot be loaded, the classifier's verdict is not a classification, or no rule
 * matches; decides the reward once, with {@link RewardPolicy}, from the classification and the
 * rule (never from the answer, whose model reads the person's question), and calls the reward port
 * only with a reward already decided; makes sure the answer tells the person about every situation
 * that blocked the reward; never lets a reward problem fail the scan; and bounds every step by the
 * scan's deadline (the reward step a little past it, and without interrupting it). Timing happens in
 * the ports' decorators.
 */
public final class ScanPipeline implements ScanWaste {

    private final PipelinePorts.TimedPorts ports;
    private final StepLedger ledger;
    private final DeadlineGuard guard;

    /**
     * How long past the deadline the reward step is waited for. JDBC's query timeout is whole seconds,
     * rounded up from the time left, so a statement may run up to a second past the deadline; after
     * this the scan answers without the reward, and the call ends on its own bound.
     */
    static final Duration REWARD_OVERRUN = Duration.ofSeconds(2);

    /** @param timedPorts ports wrapped in timing decorators that record into {@code ledger} */
    private ScanPipeline(PipelinePorts.TimedPorts timedPorts, StepLedger ledger, Clock clock) {
        this.ports = Objects.requireNonNull(timedPorts, "timedPorts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.guard = new DeadlineGuard(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Wraps each port in its timing decorator and builds the pipeline; step events go to {@code listeners}.
     *
     * @param ports     the driven ports, undecorated
     * @param listeners told of every step event, besides each scan's own listener
     * @param clock     reads the time for deadlines
     * @return the pipeline
     */
    public static ScanPipeline assemble(PipelinePorts ports, StepRecorder listeners, Clock clock) {
        StepLedger ledger = new StepLedger(listeners);
        return new ScanPipeline(ports.timedBy(StepTimer.systemTimer(ledger)), ledger, clock);
    }

    @Override
    public ScanOutcome scan(ScanRequest request, StepRecorder progress) {
        ledger.open(request.id(), progress);
        ScanOutcome outcome;
        List<StepEvent> timings;
        try {
            outcome = run(request, progress.followsAnswerText() ? ledger::recordAnswerDelta : AnswerStream.NONE);
        } finally {
            timings = ledger.close(request.id());
        }
        return outcome.withTimings(timings);
    }

    /** @param answerText where the answer's text goes as the model writes it */
    private ScanOutcome run(ScanRequest request, AnswerStream answerText) {
        try {
            // One guarded call loads and classifies, so the thread holding the image closes its load
            // however vision ends, even after the scan abandoned it at the deadline.
            Classification classification;
            switch (guard.call(request.id(), Step.VISION, request.deadline(), () -> see(request))) {
                case Seen.End end -> {
                    return end.outcome();
                }
                case Seen.Item item -> classification = item.classification();
            }

            Optional<DisposalRule> found = guard.call(
                    request.id(),
                    Step.RAG,
                    request.deadline(),
                    () -> ports.rules().find(new RuleLookup(request.id(), classification)));
            if (found.isEmpty()) {
                return rejected(
                        request,
                        Rejection.NO_MATCHING_RULE,
                        "no disposal rule for '" + classification.path().display() + "'",
                        Optional.of(classification));
            }
            DisposalRule rule = found.get();

            AnswerResult result = guard.call(
                    request.id(),
                    Step.ANSWER,
                    request.deadline(),
                    () -> ports.answers()
                            .answer(new AnswerRequest(
                                    request.id(),
                                    classification,
                                    rule,
                                    request.question(),
                                    request.deadline(),
                                    answerText)));
            if (result instanceof AnswerResult.Failure failure) {
                return failed(request, Step.ANSWER, failure.kind(), failure.detail());
            }
            // The model only words the advice, and may have been talked out of some of it: what blocks the
            // reward is always shown, in the knowledge base's own words.
            Answer answer = ((AnswerResult.Answered) result).answer().including(blockingAdvice(classification, rule));

            RewardOutcome reward = reward(request, RewardPolicy.decide(classification, found));
            return new ScanOutcome.Completed(
                    request.id(), request.question(), classification, rule, answer, reward, List.of());
        } catch (StepInterrupted e) {
            return failed(request, e.step(), e.kind(), e.getMessage());
        }
    }

    /** What the vision stage ended with: an item to go on with, or the end of the scan. */
    private sealed interface Seen {
        record Item(Classification classification) implements Seen {}

        record End(ScanOutcome outcome) implements Seen {}
    }

    private Seen see(ScanRequest request) {
        try (ImageLoad load = ports.images().load(request.id(), request.image())) {
            return switch (load) {
                case ImageLoad.Unreadable unreadable ->
                    new Seen.End(rejected(request, Rejection.UNREADABLE_IMAGE, unreadable.reason(), Optional.empty()));
                case ImageLoad.Overloaded overloaded ->
                    new Seen.End(failed(request, Step.VISION, FailureKind.OVERLOADED, overloaded.reason()));
                case ImageLoad.Loaded loaded -> classify(request, loaded);
            };
        }
    }

    private Seen classify(ScanRequest request, ImageLoad.Loaded loaded) {
        ClassificationRequest classification = new ClassificationRequest(
                request.id(), loaded.image(), loaded.hold(), request.question(), request.deadline());
        return switch (ports.classifier().classify(classification)) {
            case ClassifierVerdict.Classified classified -> new Seen.Item(classified.classification());
            case ClassifierVerdict.OutOfTaxonomy out ->
                new Seen.End(rejected(request, Rejection.OUT_OF_TAXONOMY, out.reason(), Optional.empty()));
            case ClassifierVerdict.Unclassifiable unclassifiable ->
                new Seen.End(rejected(request, Rejection.UNCLASSIFIABLE, unclassifiable.reason(), Optional.empty()));
            case ClassifierVerdict.Failure failure ->
                new Seen.End(failed(request, Step.VISION, failure.kind(), failure.detail()));
        };
    }

    private static List<String> blockingAdvice(Classification classification, DisposalRule rule) {
        return RewardPolicy.blockingTags(classification, rule).stream()
                .flatMap(tag -> tag.advice().stream())
                .distinct()
                .toList();
    }

    private RewardOutcome reward(ScanRequest request, RewardDecision decision) {
        return switch (decision) {
            case RewardDecision.NotEligible notEligible -> notEligible.outcome();
            case RewardDecision.Eligible eligible ->
                grant(
                        request,
                        new RewardGrant(request.id(), request.user(), eligible.classification(), request.deadline()));
        };
    }

    private RewardOutcome grant(ScanRequest request, RewardGrant grant) {
        try {
            // Never interrupted: the embedded database closes its store when an interrupt hits its file I/O.
            // The reward ports bound themselves by the grant's deadline (a query timeout, an HTTP timeout).
            return guard.callUninterrupted(
                    request.id(),
                    Step.REWARD_MATCH,
                    request.deadline(),
                    REWARD_OVERRUN,
                    () -> ports.rewards().match(grant));
        } catch (StepInterrupted e) {
            // The person still gets their answer; only the reward is missing.
            return new RewardOutcome.Unavailable(
                    e.kind() == FailureKind.DEADLINE_EXCEEDED
                            ? "rewards could not be checked before the scan's deadline"
                            : "rewards could not be checked: " + e.getMessage());
        }
    }

    private static ScanOutcome rejected(
            ScanRequest request, Rejection reason, String detail, Optional<Classification> classification) {
        return new ScanOutcome.Rejected(request.id(), request.question(), reason, detail, classification, List.of());
    }

    private static ScanOutcome failed(ScanRequest request, Step step, FailureKind kind, String detail) {
        return new ScanOutcome.Failed(request.id(), request.question(), step, kind, detail, List.of());
    }
}
