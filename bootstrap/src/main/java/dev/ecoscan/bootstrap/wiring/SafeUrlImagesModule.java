package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.adapter.images.SafeUrlImageSource;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.bootstrap.config.ImageSettings;
import dev.ecoscan.bootstrap.config.ServiceSettings;
import dev.ecoscan.domain.port.ImageSource;
import jakarta.inject.Singleton;

/**
 * The service's and the worker's image source: only URLs the fetch policy allows
 * ({@code ECO_SCAN_IMAGE_HOSTS}; loopback too in dev mode), never local files.
 */
@Module
public interface SafeUrlImagesModule {

    @Provides
    @Singleton
    @Fetching
    static ImageSource safeUrls(ImageFetchPolicy policy, ImageBudget budget, Resources resources) {
        return resources.register(new SafeUrlImageSource(policy, budget));
    }

    @Provides
    @Singleton
    static ImageFetchPolicy imagePolicy(ImageSettings images, ServiceSettings service) {
        ImageFetchPolicy production = ImageFetchPolicy.production(images.hosts());
        return service.dev()
                ? new ImageFetchPolicy(
                        images.hosts(),
                        true,
                        production.maxBytes(),
                        production.connectTimeout(),
                        production.totalTimeout(),
                        production.maxRedirects())
                : production;
    }
}
