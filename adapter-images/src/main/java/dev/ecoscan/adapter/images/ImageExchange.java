package dev.ecoscan.adapter.images;

import dev.ecoscan.support.http.BlockingHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * One GET of a checked hop, on the calling thread, connecting only to the hop's checked addresses,
 * the whole exchange bounded by the fetch's deadline and its reply read by a {@link ReplyReader}.
 */
final class ImageExchange {

    private static final String ACCEPT = String.join(", ", "image/png", "image/jpeg", "image/gif", "image/webp");

    private final ImageFetchPolicy policy;
    private final CloseableHttpClient http;
    private final CheckedAddresses addresses;

    ImageExchange(ImageFetchPolicy policy, CloseableHttpClient http, CheckedAddresses addresses) {
        this.policy = policy;
        this.http = http;
        this.addresses = addresses;
    }

    /** One exchange; whatever way it ends but with a body, the reader's hold is given back. */
    Reply send(HopCheck.Hop hop, FetchDeadline deadline, ReplyReader reader) throws FetchRefused {
        boolean body = false;
        try {
            Reply reply = exchange(hop, deadline, reader);
            body = reply instanceof Reply.Body;
            return reply;
        } finally {
            if (!body) {
                reader.abandon();
            }
        }
    }

    private Reply exchange(HopCheck.Hop hop, FetchDeadline deadline, ReplyReader reader) throws FetchRefused {
        HttpGet request = new HttpGet(hop.target());
        request.setHeader("Accept", ACCEPT);
        request.setHeader("User-Agent", "eco-scan");
        CheckedAddresses.Pinned pinned = addresses.pin(hop.host(), hop.addresses());
        try {
            return BlockingHttp.exchange(http, request, Duration.ofNanos(deadline.remainingNanos()), reader);
        } catch (BlockingHttp.DeadlinePassed e) {
            throw new FetchRefused("fetching the image took longer than " + policy.totalTimeoutText());
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new FetchRefused("fetching the image was interrupted");
            }
            throw new FetchRefused(failure(e, UrlRules.quoted(hop.host())));
        } finally {
            pinned.close();
        }
    }

    private String failure(IOException cause, String host) {
        return switch (cause) {
            case ConnectTimeoutException e -> "connecting to image host " + host + " timed out";
            case ConnectException e -> "image host " + host + " could not be reached";
            case NoRouteToHostException e -> "image host " + host + " could not be reached";
            case UnknownHostException e -> "image host " + host + " could not be reached";
            case SSLException e -> "the TLS handshake with image host " + host + " failed";
            default -> "fetching the image from " + host + " failed";
        };
    }
}
