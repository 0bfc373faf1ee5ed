package dev.ecoscan.bootstrap.wiring;

import java.util.List;

/** What the wiring chose, as the lines of the start-up banner (already printed to the notices stream). */
public record Wiring(List<String> notes) {

    public Wiring {
        notes = List.copyOf(notes);
    }
}
