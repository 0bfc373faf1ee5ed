/** Support shared by the adapters that call out over HTTP; depends on the JDK only, never on an adapter. */
package dev.ecoscan.support.http;
