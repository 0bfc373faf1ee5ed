/** The command line and {@code main}: the only code that sees every module. */
package dev.ecoscan.bootstrap;
