package dev.ecoscan.simulator;

import java.util.Locale;
import java.util.Map;

/**
 * The share of requests that get each fault when no scripted fault is pending. Each share is in
 * [0, 1] and they add up to at most 1; the rest is answered normally.
 *
 * <p>{@code confuse} is apart: it is the share of <em>images</em> whose vision reply names another
 * item, chosen by a hash of the image's bytes, so the same images are confused on every run and an
 * evaluation's accuracy over a set is stable. It applies to requests no other fault took, and is not
 * part of the sum.
 *
 * @param rateLimit     share answered 429
 * @param serverError   share answered 500
 * @param hang          share held open without an answer
 * @param malformedJson share answered with JSON that does not parse
 * @param outOfTaxonomy share answered with labels the taxonomy lacks
 * @param confuse       share of images given another item's labels (not part of the sum)
 */
public record FaultRates(
        double rateLimit, double serverError, double hang, double malformedJson, double outOfTaxonomy, double confuse) {

    /** Spellings accepted by {@link #parse}, as the command line takes them. */
    private static final Map<String, Fault> NAMES = Map.of(
            "429",
            Fault.RATE_LIMIT,
            "rate_limit",
            Fault.RATE_LIMIT,
            "500",
            Fault.SERVER_ERROR,
            "server_error",
            Fault.SERVER_ERROR,
            "hang",
            Fault.HANG,
            "malformed",
            Fault.MALFORMED_JSON,
            "malformed_json",
            Fault.MALFORMED_JSON,
            "out_of_taxonomy",
            Fault.OUT_OF_TAXONOMY,
            "confuse",
            Fault.CONFUSE);

    /** Tolerates the rounding of shares written in decimal, e.g. 0.1 + 0.2 + 0.7. */
    private static final double SUM_TOLERANCE = 1e-9;

    /** Checks that each share is in [0, 1] and that the faults' shares add up to 1 at most. */
    public FaultRates {
        requireShare(rateLimit, Fault.RATE_LIMIT);
        requireShare(serverError, Fault.SERVER_ERROR);
        requireShare(hang, Fault.HANG);
        requireShare(malformedJson, Fault.MALFORMED_JSON);
        requireShare(outOfTaxonomy, Fault.OUT_OF_TAXONOMY);
        requireShare(confuse, Fault.CONFUSE);
        double sum = rateLimit + serverError + hang + malformedJson + outOfTaxonomy;
        if (sum > 1 + SUM_TOLERANCE) {
            throw new IllegalArgumentException("fault rates add up to " + sum + ", more than 1");
        }
    }

    private static void requireShare(double share, Fault fault) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the rate of " + fault + " must be in [0, 1], got " + share);
        }
    }

    /**
     * No random faults: every request is answered, unless a test scripts a fault.
     *
     * @return rates of zero
     */
    public static FaultRates none() {
        return new FaultRates(0, 0, 0, 0, 0, 0);
    }

    /**
     * Parses {@code 429=0.1,500=0.02,hang=0.01,malformed=0.05,out_of_taxonomy=0.05,confuse=0.2}. Faults left out
     * get 0; {@code none} or an empty text means no faults.
     *
     * @param spec the rates, as {@code --faults} takes them
     * @return the rates
     * @throws IllegalArgumentException naming a fault or share that is not valid
     */
    public static FaultRates parse(String spec) {
        FaultRates rates = none();
        if (spec.isBlank() || spec.strip().equalsIgnoreCase("none")) {
            return rates;
        }
        for (String entry : spec.split(",")) {
            String[] pair = entry.split("=", 2);
            String name = pair[0].strip().toLowerCase(Locale.ROOT);
            Fault fault = NAMES.get(name);
            if (fault == null) {
                throw new IllegalArgumentException("unknown fault '" + pair[0].strip()
                        + "'; use 429, 500, hang, malformed, out_of_taxonomy or confuse");
            }
            if (pair.length < 2) {
                throw new IllegalArgumentException("fault '" + name + "' needs a rate, e.g. " + name + "=0.05");
            }
            double share;
            try {
                share = Double.parseDouble(pair[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "the rate of '" + name + "' must be a number in [0, 1], got '" + pair[1].strip() + "'");
            }
            rates = rates.with(fault, share);
        }
        return rates;
    }

    /**
     * One fault's share.
     *
     * @param fault the fault
     * @return its share, 0 for {@link Fault#NONE}
     */
    public double of(Fault fault) {
        return switch (fault) {
            case NONE -> 1 - (rateLimit + serverError + hang + malformedJson + outOfTaxonomy);
            case RATE_LIMIT -> rateLimit;
            case SERVER_ERROR -> serverError;
            case HANG -> hang;
            case MALFORMED_JSON -> malformedJson;
            case OUT_OF_TAXONOMY -> outOfTaxonomy;
            case CONFUSE -> confuse;
        };
    }

    /**
     * A copy with one fault's share replaced.
     *
     * @param fault the fault
     * @param share its new share, in [0, 1]
     * @return the copy
     */
    public FaultRates with(Fault fault, double share) {
        return switch (fault) {
            case NONE -> throw new IllegalArgumentException("the share of NONE is what the faults leave over");
            case RATE_LIMIT -> new FaultRates(share, serverError, hang, malformedJson, outOfTaxonomy, confuse);
            case SERVER_ERROR -> new FaultRates(rateLimit, share, hang, malformedJson, outOfTaxonomy, confuse);
            case HANG -> new FaultRates(rateLimit, serverError, share, malformedJson, outOfTaxonomy, confuse);
            case MALFORMED_JSON -> new FaultRates(rateLimit, serverError, hang, share, outOfTaxonomy, confuse);
            case OUT_OF_TAXONOMY -> new FaultRates(rateLimit, serverError, hang, malformedJson, share, confuse);
            case CONFUSE -> new FaultRates(rateLimit, serverError, hang, malformedJson, outOfTaxonomy, share);
        };
    }

    /**
     * The fault for a uniform draw in [0, 1): the shares laid end to end, NONE after them.
     *
     * @param uniform a number in [0, 1)
     * @return the fault drawn, {@link Fault#NONE} for none
     */
    public Fault draw(double uniform) {
        double edge = 0;
        for (Fault fault : Fault.values()) {
            if (fault == Fault.NONE || fault == Fault.CONFUSE) {
                continue;
            }
            edge += of(fault);
            if (uniform < edge) {
                return fault;
            }
        }
        return Fault.NONE;
    }

    /**
     * True when no fault is ever drawn and no image confused.
     *
     * @return true when every share is zero
     */
    public boolean isNone() {
        return rateLimit + serverError + hang + malformedJson + outOfTaxonomy + confuse == 0;
    }

    /**
     * Whether the image with this stable hash is one of the {@code confuse} share that gets another
     * item: the hash's top 53 bits as a uniform number in [0, 1), so the choice is the same every run.
     *
     * @param imageHash the image's stable hash
     * @return true when that image gets another item
     */
    public boolean confuses(long imageHash) {
        return (imageHash >>> 11) * 0x1.0p-53 < confuse;
    }
}
