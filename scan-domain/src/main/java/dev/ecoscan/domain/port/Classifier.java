package dev.ecoscan.domain.port;

/**
 * Says what the item in a photo is (the vision step). Implementations never throw for expected
 * trouble: an unreadable image or a provider failure comes back as a {@link ClassifierVerdict}, and an
 * image the budget could not take as a {@link dev.ecoscan.domain.scan.FailureKind#OVERLOADED} failure.
 * An implementation that loads the image closes the {@link ImageLoad} when its call is over.
 */
public interface Classifier {

    ClassifierVerdict classify(ClassificationRequest request);
}
