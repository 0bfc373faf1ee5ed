package dev.ecoscan.adapter.http;

import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;

/**
 * What dev mode hands out to this machine only (the sample images, the try-it page and its dev
 * token): to any other client those paths do not exist, even on a listener others can reach.
 */
final class LoopbackClients {

    private LoopbackClients() {}

    /** Refuses, as a 404 problem, a request that did not come from this machine. */
    static void require(ServerRequest req, String what) {
        if (!(req.remotePeer().address() instanceof InetSocketAddress inet
                && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress())) {
            throw new ProblemException(ProblemCode.NOT_FOUND, what + " are served to this machine only");
        }
    }
}
