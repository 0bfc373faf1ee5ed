/**
 * The HTTP service's {@link dev.ecoscan.domain.port.ImageSource}:
 * {@link dev.ecoscan.adapter.images.SafeUrlImageSource} fetches {@code image_url}s under an
 * {@link dev.ecoscan.adapter.images.ImageFetchPolicy} that refuses server-side request forgery.
 */
package dev.ecoscan.adapter.images;
