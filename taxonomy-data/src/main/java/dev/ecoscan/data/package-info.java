/**
 * The knowledge base as data files (taxonomy, situation tags, disposal rules, characters) and the
 * loader that validates them at start-up. Depends on the domain and SnakeYAML only.
 */
package dev.ecoscan.data;
