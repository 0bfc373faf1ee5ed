package dev.ecoscan.adapter.metrics;

import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.rule.RuleKey;
import dev.ecoscan.domain.rule.Source;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Rejection;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Step events, model calls and scan outcomes to record: one milk carton, scanned. */
final class ScanFixtures {

    private static final Item MILK = new Item(NodeId.of("recyclable.paper-pack.milk"), Names.korean("우유팩"));
    private static final MiddleCategory PAPER_PACK =
            new MiddleCategory(NodeId.of("recyclable.paper-pack"), Names.korean("종이팩"), List.of(MILK));
    private static final MajorCategory RECYCLABLE =
            MajorCategory.withMiddles(NodeId.of("recyclable"), Names.korean("재활용폐기물"), true, List.of(PAPER_PACK));
    private static final CategoryPath MILK_PATH = new CategoryPath(RECYCLABLE, Optional.of(PAPER_PACK), MILK);
    private static final DisposalRule PAPER_PACK_RULE = new DisposalRule(
            RuleKey.of(MILK_PATH),
            PAPER_PACK.id(),
            "종이팩 전용 수거함",
            "종이팩은 씻어서 펼쳐 말린 뒤 종이팩 전용 수거함에 넣습니다.",
            List.of("우유팩"),
            List.of("내용물을 비우고 물로 헹굽니다.", "펼쳐서 말립니다."),
            Map.of(),
            List.of(),
            Optional.empty(),
            List.of(Source.of("환경부 분리배출 안내", "https://www.me.go.kr/")),
            List.of());
    private static final Answer ANSWER = new Answer("헹궈서 펼친 뒤 종이팩 수거함에 넣어 주세요.", List.of("헹굽니다.", "펼칩니다."), List.of());
    private static final Character PACKY =
            new Character("packy", "팩키", "paper-pack", "고마워!", Optional.of(PAPER_PACK.id()));

    private ScanFixtures() {}

    static StepEvent step(Step step, Duration duration) {
        return new StepEvent(ScanId.random(), step, duration, StepStatus.SUCCESS);
    }

    static StepEvent step(Step step, Duration duration, StepStatus status) {
        return new StepEvent(ScanId.random(), step, duration, status);
    }

    static ModelCall modelCall(Step step, int inputTokens, int outputTokens, Duration duration, String outcome) {
        return new ModelCall(
                ScanId.random(),
                step,
                "primary",
                "openai",
                "gpt-4.1-mini",
                inputTokens,
                outputTokens,
                Optional.empty(),
                duration,
                outcome);
    }

    static ModelCall modelCall(String model, String provider, Step step, int inputTokens, int outputTokens) {
        return new ModelCall(
                ScanId.random(),
                step,
                "primary",
                provider,
                model,
                inputTokens,
                outputTokens,
                Optional.empty(),
                Duration.ofMillis(1500),
                "ok");
    }

    static ModelCall modelCallWithCache(Step step, int inputTokens, int cachedTokens, int outputTokens) {
        return new ModelCall(
                ScanId.random(),
                step,
                "primary",
                "openai",
                "gpt-4.1-mini",
                inputTokens,
                outputTokens,
                Optional.of(cachedTokens),
                Duration.ofMillis(1500),
                "ok");
    }

    static ScanOutcome completed(RewardOutcome reward) {
        return new ScanOutcome.Completed(
                ScanId.random(),
                Optional.empty(),
                new Classification(MILK_PATH, List.of()),
                PAPER_PACK_RULE,
                ANSWER,
                reward,
                List.of());
    }

    static RewardOutcome granted() {
        return new RewardOutcome.Granted(PACKY, "종이팩");
    }

    static RewardOutcome alreadyOwned() {
        return new RewardOutcome.AlreadyOwned(PACKY, "종이팩");
    }

    static ScanOutcome rejected(Rejection reason) {
        return new ScanOutcome.Rejected(
                ScanId.random(), Optional.empty(), reason, "not in the taxonomy", Optional.empty(), List.of());
    }

    static ScanOutcome failed(FailureKind kind) {
        return new ScanOutcome.Failed(
                ScanId.random(), Optional.empty(), Step.ANSWER, kind, "provider answered 503", List.of());
    }
}
