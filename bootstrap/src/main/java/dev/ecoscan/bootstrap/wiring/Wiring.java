package dev.ecoscan.bootstrap.wiring;

import dev.ecoscan.adapter.openai.OpenAiAdapters;
import dev.ecoscan.adapter.openai.OpenAiSettings;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.bootstrap.config.LlmSettings;
import dev.ecoscan.bootstrap.logging.CommandLog;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the wiring chose, as the lines of the start-up banner. Building it builds what the lines
 * describe (the LLM adapters, the rewards store), so a bad setting stops start-up here; each command
 * {@linkplain #announce() announces} it before its first scan.
 */
@Singleton
public final class Wiring {

    private final List<String> notes;
    private final CommandLog notices;

    @Inject
    Wiring(
            LlmSettings settings,
            LlmEndpoint endpoint,
            OpenAiSettings llm,
            Provider<OpenAiAdapters> adapters,
            Rewards rewards,
            ImageBudget images,
            @Notices PrintStream notices) {
        List<String> notes = new ArrayList<>();
        if (endpoint.simulated()) {
            notes.add("LLM: SIMULATED. No OPENAI_API_KEY or OPENAI_BASE_URL is set, so eco-scan started its built-in"
                    + " OpenAI-compatible simulator at " + endpoint.baseUrl() + " (latency x"
                    + settings.simulatorSpeedText() + ", ECO_SCAN_SIMULATOR_SPEED=0 makes it"
                    + " instant). For a real model set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL (and a key if it"
                    + " needs one) for any OpenAI-compatible server.");
        }
        if (!endpoint.simulated() || llm.chain().size() > 1) {
            // The adapters are built here (not later, at the first scan) so that a refused parameter stops start-up.
            adapters.get().notes().forEach(note -> notes.add("LLM " + note));
        }
        notes.add("Answers: " + settings.answerStrategy().word() + " strategy; LLM cache "
                + (llm.cacheEnabled() ? "on" : "off") + ".");
        notes.add("Rewards: " + rewards.description() + ".");
        notes.add("Images: at most " + images.capacityText() + " held at once (ECO_SCAN_MAX_IMAGE_BYTES_IN_FLIGHT);"
                + " images over 1 MP are shrunk before the vision call.");
        this.notes = List.copyOf(notes);
        this.notices = new CommandLog(notices, "eco-scan.wiring");
    }

    public List<String> notes() {
        return notes;
    }

    /** Logs the notes, one line each, on the notices stream. */
    public void announce() {
        notes.forEach(notices::info);
    }
}
