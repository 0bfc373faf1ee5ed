package dev.ecoscan.adapter.images;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A DNS stand-in: a fixed table of names, and a record of every name asked, so no test needs DNS. */
final class FixedResolver implements HostResolver {

    private final Map<String, List<InetAddress>> table = new HashMap<>();
    private final Queue<String> asked = new ConcurrentLinkedQueue<>();
    private Duration delay = Duration.ZERO;

    /** localhost is 127.0.0.1, as on the machines the tests run on. */
    static FixedResolver withLocalhost() {
        return new FixedResolver().with("localhost", "127.0.0.1");
    }

    FixedResolver with(String host, String... addresses) {
        table.put(host, Arrays.stream(addresses).map(a -> address(host, a)).toList());
        return this;
    }

    FixedResolver slowedBy(Duration pause) {
        this.delay = pause;
        return this;
    }

    List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        asked.add(host);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<InetAddress> found = table.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        return found;
    }

    private static InetAddress address(String host, String literal) {
        try {
            // getByAddress never asks DNS; the literal is turned into bytes by the JDK's parser.
            byte[] bytes = InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal)
                    .getAddress();
            return InetAddress.getByAddress(host, bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
