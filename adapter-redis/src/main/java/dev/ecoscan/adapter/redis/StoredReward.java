package dev.ecoscan.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.taxonomy.NodeId;
import java.util.Optional;

/** The reward of a stored outcome, written and read back for {@link OutcomeCodec}. */
final class StoredReward {

    private final CharacterCatalogue catalogue;
    private final ObjectMapper json;

    StoredReward(CharacterCatalogue catalogue, ObjectMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    ObjectNode write(RewardOutcome reward) {
        ObjectNode node = json.createObjectNode();
        switch (reward) {
            case RewardOutcome.Granted granted -> {
                node.put("kind", "granted").put("reason", granted.matchReason());
                node.set("character", character(granted.character()));
            }
            case RewardOutcome.AlreadyOwned owned -> {
                node.put("kind", "already_owned").put("reason", owned.matchReason());
                node.set("character", character(owned.character()));
            }
            case RewardOutcome.NotEligible notEligible ->
                node.put("kind", "not_eligible").put("reason", notEligible.reason());
            case RewardOutcome.Unavailable unavailable ->
                node.put("kind", "unavailable").put("reason", unavailable.reason());
        }
        return node;
    }

    RewardOutcome read(JsonNode node) {
        String reason = OutcomeCodec.text(node, "reason");
        return switch (OutcomeCodec.text(node, "kind")) {
            case "granted" -> new RewardOutcome.Granted(character(node.path("character")), reason);
            case "already_owned" -> new RewardOutcome.AlreadyOwned(character(node.path("character")), reason);
            case "not_eligible" -> new RewardOutcome.NotEligible(reason);
            case "unavailable" -> new RewardOutcome.Unavailable(reason);
            default ->
                throw new IllegalArgumentException("unknown reward kind '" + OutcomeCodec.text(node, "kind") + "'");
        };
    }

    /** The whole character is written, so one a newer catalogue dropped can still be shown as granted. */
    private ObjectNode character(Character character) {
        ObjectNode node = json.createObjectNode();
        node.put("id", character.id())
                .put("name", character.name())
                .put("type", character.type())
                .put("dialog", character.dialog());
        character.middle().ifPresent(middle -> node.put("middle", middle.value()));
        return node;
    }

    private Character character(JsonNode node) {
        String id = OutcomeCodec.text(node, "id");
        return catalogue
                .byId(id)
                .orElseGet(() -> new Character(
                        id,
                        OutcomeCodec.text(node, "name"),
                        OutcomeCodec.text(node, "type"),
                        OutcomeCodec.text(node, "dialog"),
                        node.has("middle")
                                ? Optional.of(NodeId.of(OutcomeCodec.text(node, "middle")))
                                : Optional.empty()));
    }
}
