package dev.ecoscan.domain.reward;

import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/** What a scan earned. A reward never fails a scan: trouble becomes {@link Unavailable}. */
public sealed interface RewardOutcome {

    /** The person received the character just now. */
    record Granted(Character character, String matchReason) implements RewardOutcome {
        public Granted {
            Objects.requireNonNull(character, "character");
            matchReason = Texts.requireText(matchReason, "match reason");
        }
    }

    /** The scan qualified, but the person already owns the character. */
    record AlreadyOwned(Character character, String matchReason) implements RewardOutcome {
        public AlreadyOwned {
            Objects.requireNonNull(character, "character");
            matchReason = Texts.requireText(matchReason, "match reason");
        }
    }

    /** The scan did not qualify, e.g. the item is not recyclable or something is still wrong with it. */
    record NotEligible(String reason) implements RewardOutcome {
        public NotEligible {
            reason = Texts.requireText(reason, "reason");
        }
    }

    /** Rewards could not be checked (a database or the character service failed or was too slow). */
    record Unavailable(String reason) implements RewardOutcome {
        public Unavailable {
            reason = Texts.requireText(reason, "reason");
        }
    }
}
