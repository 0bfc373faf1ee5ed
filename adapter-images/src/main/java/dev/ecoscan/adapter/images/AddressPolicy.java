package dev.ecoscan.adapter.images;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the service may connect to for an image: public unicast only. Everything else
 * reaches the service's own machine, its private network or its cloud's metadata endpoint, which is
 * what server-side request forgery is after. IPv6 forms that carry an IPv4 address (mapped,
 * compatible, NAT64, 6to4) are judged by the IPv4 address they carry. Only dev mode lets loopback
 * through, for the dev server's sample images.
 */
final class AddressPolicy {

    private static final String LOOPBACK = "a loopback address";
    private static final String METADATA = "a cloud metadata address";
    private static final String PRIVATE = "a private address";
    private static final String LINK_LOCAL = "a link-local address";
    private static final String RESERVED = "a reserved address";

    /** First match wins, so the exact metadata addresses come before the ranges that hold them. */
    private static final List<Block> IPV4 = List.of(
            Block.of("169.254.169.254/32", METADATA), // AWS, GCP, Azure, OpenStack
            Block.of("100.100.100.200/32", METADATA), // Alibaba Cloud
            Block.of("192.0.0.192/32", METADATA), // Oracle Cloud
            Block.of("127.0.0.0/8", LOOPBACK),
            Block.of("0.0.0.0/8", "an unspecified address"), // 0.0.0.0 reaches this machine on Linux
            Block.of("10.0.0.0/8", PRIVATE),
            Block.of("172.16.0.0/12", PRIVATE),
            Block.of("192.168.0.0/16", PRIVATE),
            Block.of("169.254.0.0/16", LINK_LOCAL),
            Block.of("100.64.0.0/10", "a carrier-grade NAT address"),
            Block.of("224.0.0.0/4", "a multicast address"),
            Block.of("255.255.255.255/32", "the broadcast address"),
            Block.of("240.0.0.0/4", RESERVED),
            Block.of("192.0.0.0/24", RESERVED),
            Block.of("192.0.2.0/24", RESERVED),
            Block.of("192.88.99.0/24", RESERVED),
            Block.of("198.18.0.0/15", RESERVED),
            Block.of("198.51.100.0/24", RESERVED),
            Block.of("203.0.113.0/24", RESERVED));

    private static final List<Block> IPV6 = List.of(
            Block.of("fd00:ec2::254/128", METADATA), // AWS over IPv6
            Block.of("::/128", "an unspecified address"),
            Block.of("::1/128", LOOPBACK),
            Block.of("fe80::/10", LINK_LOCAL),
            Block.of("fec0::/10", "a site-local address"),
            Block.of("fc00::/7", "a unique-local address"),
            Block.of("ff00::/8", "a multicast address"),
            Block.of("64:ff9b:1::/48", "a local-use NAT64 address"),
            Block.of("2001::/32", "a Teredo tunnel address"), // carries an obfuscated IPv4 address
            Block.of("2001::/23", RESERVED),
            Block.of("2001:db8::/32", RESERVED),
            Block.of("100::/64", RESERVED));

    /** Global unicast; anything outside it is reserved or one of the blocks above. */
    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", "global unicast");

    private final boolean loopbackAllowed;

    AddressPolicy(boolean loopbackAllowed) {
        this.loopbackAllowed = loopbackAllowed;
    }

    /** Empty when the address may be contacted, else what kind of address it is, e.g. "a private address". */
    Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4(bytes) : ipv6(bytes);
    }

    private Optional<String> ipv4(byte[] address) {
        for (Block block : IPV4) {
            if (block.contains(address)) {
                return loopbackAllowed && block.kind().equals(LOOPBACK) ? Optional.empty() : Optional.of(block.kind());
            }
        }
        return Optional.empty();
    }

    private Optional<String> ipv6(byte[] a) {
        if (zeros(a, 0, 10) && (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF) {
            return embedded(a, 12, "IPv4-mapped", false); // ::ffff:a.b.c.d
        }
        if (zeros(a, 0, 8) && (a[8] & 0xFF) == 0xFF && (a[9] & 0xFF) == 0xFF && zeros(a, 10, 12)) {
            return embedded(a, 12, "IPv4-translated", false); // ::ffff:0:a.b.c.d
        }
        if (zeros(a, 0, 12) && !zeros(a, 12, 15)) {
            // ::a.b.c.d, deprecated since 2006: nothing legitimate uses it any more.
            return embedded(a, 12, "IPv4-compatible", true);
        }
        if (startsWith(a, 0x00, 0x64, 0xff, 0x9b) && zeros(a, 4, 12)) {
            return embedded(a, 12, "NAT64", false); // 64:ff9b::a.b.c.d
        }
        if (startsWith(a, 0x20, 0x02)) {
            return embedded(a, 2, "6to4", false); // 2002:AABB:CCDD::
        }
        for (Block block : IPV6) {
            if (block.contains(a)) {
                return loopbackAllowed && block.kind().equals(LOOPBACK) ? Optional.empty() : Optional.of(block.kind());
            }
        }
        return GLOBAL_UNICAST.contains(a) ? Optional.empty() : Optional.of(RESERVED);
    }

    private Optional<String> embedded(byte[] address, int from, String form, boolean refusedAnyway) {
        Optional<String> inner = ipv4(Arrays.copyOfRange(address, from, from + 4));
        if (inner.isPresent()) {
            return Optional.of(inner.get() + " (" + form + " IPv6)");
        }
        return refusedAnyway ? Optional.of("an " + form + " IPv6 address") : Optional.empty();
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** An address block in CIDR notation, and what to call an address in it. */
    private record Block(byte[] network, int prefixLength, String kind) {

        static Block of(String cidr, String kind) {
            int slash = cidr.indexOf('/');
            String address = cidr.substring(0, slash);
            try {
                // Brackets make the JDK read an IPv6 literal and never ask DNS; IPv4 literals never do.
                byte[] network = InetAddress.getByName(address.contains(":") ? "[" + address + "]" : address)
                        .getAddress();
                return new Block(network, Integer.parseInt(cidr.substring(slash + 1)), kind);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address block: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixLength / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefixLength % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
