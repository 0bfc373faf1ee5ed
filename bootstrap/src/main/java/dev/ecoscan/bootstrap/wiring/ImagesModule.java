package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.images.DownscalingImageSource;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.bootstrap.config.ImageSettings;
import dev.ecoscan.domain.port.ImageSource;
import jakarta.inject.Singleton;

/**
 * The image source a scan reads through: whichever {@link Fetching} source the command chose, every
 * image held in the image budget and shrunk to what the vision model needs.
 */
@Module
interface ImagesModule {

    @Provides
    @Singleton
    static ImageSource imageSource(@Fetching ImageSource fetching, ImageBudget budget, Resources resources) {
        return resources.register(new DownscalingImageSource(fetching, budget));
    }

    /** The bound on image bytes in flight ({@link ImageSettings#maxBytesInFlight}). */
    @Provides
    @Singleton
    static ImageBudget imageBudget(ImageSettings images) {
        return new ImageBudget(images.maxBytesInFlight());
    }
}
