package dev.ecoscan.adapter.http;

import java.util.Locale;

/**
 * Every error the API can answer, with its HTTP status. The {@code code} in a problem+json body is
 * the lower-case name; clients may rely on it, so codes are only ever added, never renamed.
 */
public enum ProblemCode {
    INVALID_JSON(400, "The request body is not valid JSON"),
    INVALID_REQUEST(400, "The request is missing a field or has a field of the wrong type"),
    IMAGE_URL_NOT_ALLOWED(400, "The image URL may not be fetched"),
    USER_INPUT_TOO_LONG(400, "The question is too long"),
    INVALID_MULTIPART(400, "The multipart/form-data body is malformed or has fields other than image and question"),
    IMAGE_MISSING(400, "The upload has no image file, or an empty one"),
    UNAUTHENTICATED(401, "No valid credentials"),
    TOKEN_EXPIRED(401, "The access token has expired"),
    NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "This method is not allowed here"),
    REQUEST_TIMEOUT(408, "The request was not sent in time"),
    BODY_TOO_LARGE(413, "The request body is too large"),
    IMAGE_TOO_LARGE(413, "The uploaded image is too large"),
    URI_TOO_LONG(414, "The request line is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "The request body must be application/json (or multipart/form-data for a scan)"),
    UNSUPPORTED_IMAGE_TYPE(415, "The uploaded file is not an accepted image type"),
    UNREADABLE_IMAGE(422, "The image could not be loaded"),
    UNCLASSIFIABLE(422, "The item in the image could not be recognised"),
    OUT_OF_TAXONOMY(422, "The item is not in the waste taxonomy"),
    NO_MATCHING_RULE(422, "There is no disposal rule for the item"),
    RATE_LIMITED(429, "Too many scans; try again later"),
    TOO_MANY_STREAMS(429, "Too many event streams open for this user; close one first"),
    INTERNAL_ERROR(500, "Something went wrong on our side"),
    INVALID_MODEL_OUTPUT(502, "The model's answer was unusable"),
    OVERLOADED(503, "Too many scans in flight; try again shortly"),
    MODEL_UNAVAILABLE(503, "The model provider is unavailable; try again shortly"),
    SHUTTING_DOWN(503, "This instance is shutting down; retry on another"),
    REWARDS_UNAVAILABLE(503, "Characters cannot be read right now; try again shortly"),
    STREAMS_FULL(503, "Too many event streams open; try again shortly"),
    DEADLINE_EXCEEDED(504, "The scan did not finish in time");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
