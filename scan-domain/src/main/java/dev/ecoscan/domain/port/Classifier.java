package dev.ecoscan.domain.port;

/**
 * Says what the item in a photo is (the vision step). Implementations never throw for expected
 * trouble: an unreadable image or a provider failure comes back as a {@link ClassifierVerdict}.
 */
public interface Classifier {

    ClassifierVerdict classify(ClassificationRequest request);
}
