package dev.ecoscan.adapter.images;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The image client's only resolver: during a hop's exchange it answers that hop's host with the
 * addresses {@link HopCheck} approved, and refuses every other lookup. So the client connects to what
 * was checked, over https as over http, and a DNS server that answers the check with a public address
 * and a second lookup with a private one (DNS rebinding) has no second lookup to answer. The client
 * sends every exchange on the calling thread, so the pin is the thread's.
 */
final class CheckedAddresses implements DnsResolver {

    // One per process: a thread sends one exchange at a time, and its pin lasts only that exchange.
    private static final ThreadLocal<Pin> PINS = new ThreadLocal<>();

    /** Pins {@code host} to {@code addresses} on this thread until the returned handle is closed. */
    Pinned pin(String host, List<InetAddress> addresses) {
        PINS.set(new Pin(bare(host), List.copyOf(addresses)));
        return PINS::remove;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Pin pin = PINS.get();
        if (pin == null || !pin.host().equals(bare(host))) {
            throw new UnknownHostException("image host " + host + " was not checked for this exchange");
        }
        return pin.addresses().toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** An IPv6 literal with or without its brackets, any case: one name. */
    private static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    /** A hop's pin on this thread; closing it ends the pin. */
    @FunctionalInterface
    interface Pinned extends AutoCloseable {
        @Override
        void close();
    }

    private record Pin(String host, List<InetAddress> addresses) {}
}
