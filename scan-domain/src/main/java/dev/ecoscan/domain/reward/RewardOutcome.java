package dev.ecoscan.domain.reward;

import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/** What a scan earned. A reward never fails a scan: trouble becomes {@link Unavailable}. */
public sealed interface RewardOutcome {

    /**
     * The person received the character just now.
     *
     * @param character   the character granted
     * @param matchReason why the scan earned it, for the person
     */
    record Granted(Character character, String matchReason) implements RewardOutcome {
        /** Checks that both parts are present. */
        public Granted {
            Objects.requireNonNull(character, "character");
            matchReason = Texts.requireText(matchReason, "match reason");
        }
    }

    /**
     * The scan qualified, but the person already owns the character.
     *
     * @param character   the character the scan earned
     * @param matchReason why the scan earned it, for the person
     */
    record AlreadyOwned(Character character, String matchReason) implements RewardOutcome {
        /** Checks that both parts are present. */
        public AlreadyOwned {
            Objects.requireNonNull(character, "character");
            matchReason = Texts.requireText(matchReason, "match reason");
        }
    }

    /**
     * The scan did not qualify, e.g. the item is not recyclable or something is still wrong with it.
     *
     * @param reason why, in words safe to show the person
     */
    record NotEligible(String reason) implements RewardOutcome {
        /** Checks that a reason is given. */
        public NotEligible {
            reason = Texts.requireText(reason, "reason");
        }
    }

    /**
     * Rewards could not be checked (a database or the character service failed or was too slow).
     *
     * @param reason what failed, for logs
     */
    record Unavailable(String reason) implements RewardOutcome {
        /** Checks that a reason is given. */
        public Unavailable {
            reason = Texts.requireText(reason, "reason");
        }
    }
}
