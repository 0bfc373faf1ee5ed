package dev.ecoscan.simulator;

import java.util.Locale;

/** What the simulator does to one chat completion request instead of (or on top of) answering it. */
public enum Fault {
    /** A normal answer. */
    NONE("ok"),
    /** 429 with a {@code Retry-After} header. */
    RATE_LIMIT("rate_limited"),
    /** 500 with an OpenAI-style error body. */
    SERVER_ERROR("server_error"),
    /** No answer at all until the hang duration passes or the server closes: the client's timeout must fire. */
    HANG("hang"),
    /** 200, but the content is not valid JSON (cut in half, with prose around it). */
    MALFORMED_JSON("malformed_json"),
    /** 200 with valid JSON whose category labels are outside the schema's enums. Vision requests only. */
    OUT_OF_TAXONOMY("out_of_taxonomy"),
    /**
     * 200 with valid JSON naming another item of the taxonomy than the image shows. Vision requests
     * only. Its rate is a share of images, not of requests: see {@link FaultRates#confuses}.
     */
    CONFUSE("confused");

    private final String outcome;

    Fault(String outcome) {
        this.outcome = outcome;
    }

    /**
     * The outcome's key in {@code /stats}, e.g. {@code rate_limited}.
     *
     * @return the outcome's key
     */
    public String outcomeName() {
        return outcome;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
