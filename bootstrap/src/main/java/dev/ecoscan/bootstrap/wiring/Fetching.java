package dev.ecoscan.bootstrap.wiring;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * The image source that fetches (local files, or safe URLs only), as its command chose it: the scans
 * get it only wrapped in the shrinking over the image budget ({@link ImagesModule}).
 */
@Qualifier
@Documented
@Retention(RUNTIME)
public @interface Fetching {}
