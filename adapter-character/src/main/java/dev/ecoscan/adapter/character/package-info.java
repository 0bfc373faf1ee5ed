/**
 * Rewards: {@link dev.ecoscan.domain.port.RewardMatcher} and
 * {@link dev.ecoscan.domain.port.CharacterCollection} on a JDBC database (embedded H2 or PostgreSQL),
 * and on a remote character service over HTTP.
 */
package dev.ecoscan.adapter.character;
