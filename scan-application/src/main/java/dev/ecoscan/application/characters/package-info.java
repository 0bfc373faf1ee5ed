/** The character use cases: granting a claimed reward and listing a user's collection. */
package dev.ecoscan.application.characters;
