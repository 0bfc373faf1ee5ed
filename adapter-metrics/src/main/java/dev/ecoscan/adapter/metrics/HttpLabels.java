package dev.ecoscan.adapter.metrics;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One request's labels, from closed sets whatever the caller passes. The method and the path are
 * the client's to choose, and each new value would be a new series, a whole histogram of them: so
 * a method outside the standard nine is {@code other}, a path that is not a route template is
 * {@code unmatched}, and a status outside 100-599 is {@code other}.
 *
 * @param method     {@code GET}, ... {@code PATCH}, or {@value #OTHER}
 * @param path       a route template, or {@value #UNMATCHED}
 * @param statusCode {@code 100} to {@code 599}, or {@value #OTHER}
 */
record HttpLabels(String method, String path, String statusCode) {

    static final String OTHER = "other";
    static final String UNMATCHED = "unmatched";

    /** RFC 9110's methods and RFC 5789's PATCH. Case-sensitive, as methods are: {@code get} is not GET. */
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    /**
     * What templates are made of ({@code /api/v1/scan/{job_id}/result}, {@code /openapi.yaml}). A raw
     * path with escapes, unicode or odd characters is no template; one that looks like a template
     * is still capped by {@link EcoScanMetrics#MAX_PATHS}.
     */
    private static final Pattern TEMPLATE = Pattern.compile("(/[A-Za-z0-9_.{}-]{1,64}){1,12}|/");
    /** Made once: a status label is needed on every request, and there are only 500 of them. */
    private static final String[] STATUS_CODES =
            IntStream.rangeClosed(100, 599).mapToObj(Integer::toString).toArray(String[]::new);

    static HttpLabels of(String method, String path, int status) {
        String statusCode = status >= 100 && status <= 599 ? STATUS_CODES[status - 100] : OTHER;
        if (method == null || !METHODS.contains(method)) {
            // No route of the API takes another method, so such a request matched none, whatever its
            // path: it lands in the few series that exist from start-up (see HttpMeters).
            return new HttpLabels(OTHER, UNMATCHED, statusCode);
        }
        boolean template =
                path != null && path.length() <= 200 && TEMPLATE.matcher(path).matches();
        return new HttpLabels(method, template ? path : UNMATCHED, statusCode);
    }
}
