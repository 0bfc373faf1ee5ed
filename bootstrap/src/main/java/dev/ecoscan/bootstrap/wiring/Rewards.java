package dev.ecoscan.bootstrap.wiring;

import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.port.RewardMatcher;

/** Where rewards are kept: one store serves both granting and listing, and says what it is. */
public record Rewards(RewardMatcher matcher, CharacterCollection collection, String description) {}
