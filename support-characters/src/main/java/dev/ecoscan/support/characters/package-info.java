/**
 * The character service's wire format, shared by the client and the server of that service so the two
 * cannot drift; depends on the core and Jackson only, never on an adapter.
 */
package dev.ecoscan.support.characters;
