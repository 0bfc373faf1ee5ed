package dev.ecoscan.domain.port;

/**
 * Says what the item in a photo is (the vision step). The image comes loaded: the pipeline loads it
 * through {@link ImageSource} first, so the time a download takes is not counted as vision time.
 * Implementations never throw for expected trouble: labels outside the taxonomy, an unrecognisable
 * item or a provider failure come back as a {@link ClassifierVerdict}, and a request the image budget
 * could not take as a {@link dev.ecoscan.domain.scan.FailureKind#OVERLOADED} failure.
 */
public interface Classifier {

    /**
     * Classifies the item in the request's image, by its deadline.
     *
     * @param request the loaded image, the question and the deadline
     * @return the item checked against the taxonomy, or why it could not be
     */
    ClassifierVerdict classify(ClassificationRequest request);
}
