package dev.ecoscan.application.answer;

import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.rule.Advice;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.util.List;

/**
 * The {@code template} answer strategy: the answer is composed from the matched rule and the
 * situation tags, with no model call. It is instant, costs nothing and cannot say anything the
 * rule does not; what it cannot do is reply to a free-text question.
 */
public final class TemplateAnswerGenerator implements AnswerGenerator {

    /** A generator with no state: the request carries all it needs. */
    public TemplateAnswerGenerator() {}

    @Override
    public AnswerResult answer(AnswerRequest request) {
        CategoryPath path = request.classification().path();
        DisposalRule rule = request.rule();
        List<String> toFix = request.classification().situation().stream()
                .filter(SituationTag::needsAction)
                .map(tag -> tag.advice().orElseThrow())
                .distinct()
                .toList();
        // The item's own advice for what was seen: its destination, summary and steps win over the category's.
        Advice advice = rule.adviceFor(path.item(), request.classification().situation());
        return new AnswerResult.Answered(
                new Answer(reply(path, rule, advice, toFix, request.question().isPresent()), advice.steps(), toFix));
    }

    private static String reply(
            CategoryPath path, DisposalRule rule, Advice advice, List<String> toFix, boolean asked) {
        String where = !advice.destination().equals(rule.destination())
                ? KoreanParticles.direction(advice.destination())
                : path.middle()
                        .map(middle -> path.major().name() + " 중 " + KoreanParticles.direction(middle.name()))
                        .orElseGet(() -> KoreanParticles.direction(path.major().name()));
        // An item not recognised exactly is said so: the category's rule is the advice, nothing is guessed.
        StringBuilder reply = new StringBuilder(path.item()
                        .map(item -> KoreanParticles.topic(item.name()) + " ")
                        .orElse("사진 속 물건이 정확히 어떤 품목인지는 알아보지 못했어요. 분류에 따라 "))
                .append(where)
                .append(" 배출해요. ")
                .append(advice.summary());
        advice.regionalNotice().ifPresent(notice -> reply.append(' ').append(notice));
        reply.append(toFix.isEmpty() ? " 지금 상태 그대로 배출하면 돼요." : " 배출하기 전에 아래 " + toFix.size() + "가지를 먼저 챙겨 주세요.");
        if (asked) {
            reply.append(" 질문에는 아래 배출 단계와 규칙으로 답을 대신할게요.");
        }
        return reply.toString();
    }
}
