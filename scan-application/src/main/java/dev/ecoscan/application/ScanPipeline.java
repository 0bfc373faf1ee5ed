package dev.ecoscan.application;

import dev.ecoscan.application.timing.StepTimer;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.ClassifierVerdict;
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
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs vision → rule lookup → answer → reward for one scan.
 *
 * <p>It stops early (no answer, no reward) when the classification is not in the taxonomy or no
 * rule matches; decides the reward once, with {@link RewardPolicy}, from the classification and the
 * rule (never from the answer, whose model reads the person's question), and calls the reward port
 * only with a reward already decided; makes sure the answer tells the person about every situation
 * that blocked the reward; never lets a reward problem fail the scan; and bounds every step by the
 * scan's deadline (the reward step a little past it, and without interrupting it). Timing happens in
 * the ports' decorators.
 */
public final class ScanPipeline implements ScanWaste {

    private final Taxonomy taxonomy;
    private final PipelinePorts ports;
    private final StepLedger ledger;
    private final DeadlineGuard guard;

    /**
     * How long past the deadline the reward step is waited for. JDBC's query timeout is whole seconds,
     * rounded up from the time left, so a statement may run up to a second past the deadline; after
     * this the scan answers without the reward, and the call ends on its own bound.
     */
    static final Duration REWARD_OVERRUN = Duration.ofSeconds(2);

    /**
     * @param timedPorts ports already wrapped in timing decorators that record into {@code ledger};
     *                   use {@link #assemble} unless you wire them yourself
     */
    public ScanPipeline(Taxonomy taxonomy, PipelinePorts timedPorts, StepLedger ledger, Clock clock) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.ports = Objects.requireNonNull(timedPorts, "timedPorts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.guard = new DeadlineGuard(Objects.requireNonNull(clock, "clock"));
    }

    /** Wraps each port in its timing decorator and builds the pipeline; step events go to {@code listeners}. */
    public static ScanPipeline assemble(Taxonomy taxonomy, PipelinePorts ports, StepRecorder listeners, Clock clock) {
        StepLedger ledger = new StepLedger(listeners);
        return new ScanPipeline(taxonomy, ports.timedBy(StepTimer.systemTimer(ledger)), ledger, clock);
    }

    @Override
    public ScanOutcome scan(ScanRequest request, StepRecorder progress) {
        ledger.open(request.id(), progress);
        ScanOutcome outcome;
        List<StepEvent> timings;
        try {
            outcome = run(request);
        } finally {
            timings = ledger.close(request.id());
        }
        return outcome.withTimings(timings);
    }

    private ScanOutcome run(ScanRequest request) {
        try {
            ClassifierVerdict verdict = guard.call(
                    request.id(),
                    Step.VISION,
                    request.deadline(),
                    () -> ports.classifier()
                            .classify(new ClassificationRequest(
                                    request.id(), request.image(), request.question(), request.deadline())));
            Classification classification;
            switch (verdict) {
                case ClassifierVerdict.Labelled labelled -> {
                    Resolution resolution = taxonomy.resolve(labelled.labels());
                    if (resolution instanceof Resolution.OutOfTaxonomy out) {
                        return rejected(request, Rejection.OUT_OF_TAXONOMY, out.reason(), Optional.empty());
                    }
                    classification = ((Resolution.Resolved) resolution).classification();
                }
                case ClassifierVerdict.Unclassifiable unclassifiable -> {
                    return rejected(request, Rejection.UNCLASSIFIABLE, unclassifiable.reason(), Optional.empty());
                }
                case ClassifierVerdict.UnreadableImage unreadable -> {
                    return rejected(request, Rejection.UNREADABLE_IMAGE, unreadable.reason(), Optional.empty());
                }
                case ClassifierVerdict.Failure failure -> {
                    return failed(request, Step.VISION, failure.kind(), failure.detail());
                }
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
                                    request.id(), classification, rule, request.question(), request.deadline())));
            if (result instanceof AnswerResult.Failure failure) {
                return failed(request, Step.ANSWER, failure.kind(), failure.detail());
            }
            // The model only words the advice, and may have been talked out of some of it: what blocks the
            // reward is always shown, in the knowledge base's own words.
            Answer answer = ((AnswerResult.Answered) result).answer().including(blockingAdvice(classification, rule));

            RewardOutcome reward = reward(request, RewardPolicy.decide(classification, found));
            return new ScanOutcome.Completed(request.id(), classification, rule, answer, reward, List.of());
        } catch (StepInterrupted e) {
            return failed(request, e.step(), e.kind(), e.getMessage());
        }
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
        return new ScanOutcome.Rejected(request.id(), reason, detail, classification, List.of());
    }

    private static ScanOutcome failed(ScanRequest request, Step step, FailureKind kind, String detail) {
        return new ScanOutcome.Failed(request.id(), step, kind, detail, List.of());
    }
}
