/** Answer strategies that need no model: the {@code template} strategy. */
package dev.ecoscan.application.answer;
