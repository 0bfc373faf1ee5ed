package dev.ecoscan.application.timing;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.StepStatus;
import java.util.Objects;

/**
 * Records the image load of every scan, beside its four steps. Unlike the other decorators it is not
 * an {@link ImageSource} itself: the port takes no scan id, and the event must name its scan.
 */
public final class TimedImageSource {

    private final ImageSource delegate;
    private final StepTimer timer;

    /**
     * Times {@code delegate} with {@code timer}.
     *
     * @param delegate the image source
     * @param timer    records each load
     */
    public TimedImageSource(ImageSource delegate, StepTimer timer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /**
     * The image of scan {@code scanId}, loaded by the port.
     *
     * @param scanId    the scan
     * @param reference where the image is
     * @return the load, as the port returned it
     */
    public ImageLoad load(ScanId scanId, ImageReference reference) {
        return timer.timeImageLoad(scanId, () -> delegate.load(reference), load -> switch (load) {
            case ImageLoad.Loaded loaded -> StepStatus.SUCCESS;
            case ImageLoad.Unreadable unreadable -> StepStatus.REJECTED;
            case ImageLoad.Overloaded overloaded -> StepStatus.FAILED;
        });
    }
}
