package dev.ecoscan.bootstrap.wiring;

import java.util.List;

/**
 * Which implementation serves each port, in words, and warnings about choices a user should know.
 */
public record Wiring(String classifier, String rules, String answers, String rewards, List<String> warnings) {

    public Wiring {
        warnings = List.copyOf(warnings);
    }
}
