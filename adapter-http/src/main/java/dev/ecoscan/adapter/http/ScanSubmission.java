package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.scan.ScanRequest;

/**
 * A scan read from a request, with the budget hold of an uploaded photo ({@link ImageHold#NONE} for
 * an image URL, which the image source holds when it fetches). Closing it gives the hold back; a
 * route closes it once the scan, or the job's submission, no longer needs the bytes in this process.
 *
 * @param request the scan to run
 * @param upload  the hold of the uploaded photo's bytes
 */
record ScanSubmission(ScanRequest request, ImageHold upload) implements AutoCloseable {

    @Override
    public void close() {
        upload.close();
    }
}
