package dev.ecoscan.bootstrap.wiring;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/** The stream where the wiring logs what it chose (JSON lines): stderr outside tests, never stdout. */
@Qualifier
@Documented
@Retention(RUNTIME)
public @interface Notices {}
