package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

    private final AddressPolicy production = new AddressPolicy(false);
    private final AddressPolicy dev = new AddressPolicy(true);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8.8.8.8                  | allowed
            1.1.1.1                  | allowed
            93.184.216.34            | allowed
            11.0.0.1                 | allowed
            172.15.255.255           | allowed
            172.32.0.1               | allowed
            100.63.255.255           | allowed
            100.128.0.1              | allowed
            169.253.255.255          | allowed
            223.255.255.254          | allowed
            2606:4700:4700::1111     | allowed
            2001:4860:4860::8888     | allowed
            64:ff9b::808:808         | allowed
            2002:808:808::1          | allowed
            127.0.0.1                | a loopback address
            127.255.255.254          | a loopback address
            0.0.0.0                  | an unspecified address
            0.1.2.3                  | an unspecified address
            10.0.0.1                 | a private address
            10.255.255.255           | a private address
            172.16.0.1               | a private address
            172.31.255.255           | a private address
            192.168.0.1              | a private address
            192.168.255.255          | a private address
            169.254.0.1              | a link-local address
            169.254.169.254          | a cloud metadata address
            100.100.100.200          | a cloud metadata address
            192.0.0.192              | a cloud metadata address
            100.64.0.1               | a carrier-grade NAT address
            100.127.255.255          | a carrier-grade NAT address
            224.0.0.1                | a multicast address
            239.255.255.250          | a multicast address
            255.255.255.255          | the broadcast address
            240.0.0.1                | a reserved address
            192.0.2.10               | a reserved address
            198.18.0.1               | a reserved address
            203.0.113.7              | a reserved address
            ::1                      | a loopback address
            ::                       | an unspecified address
            fe80::1                  | a link-local address
            febf:ffff::1             | a link-local address
            fec0::1                  | a site-local address
            fc00::1                  | a unique-local address
            fd12:3456:789a::1        | a unique-local address
            fd00:ec2::254            | a cloud metadata address
            ff02::1                  | a multicast address
            ::ffff:10.0.0.1          | a private address
            ::ffff:127.0.0.1         | a loopback address
            ::ffff:169.254.169.254   | a cloud metadata address
            ::10.0.0.1               | a private address (IPv4-compatible IPv6)
            ::8.8.8.8                | an IPv4-compatible IPv6 address
            ::ffff:0:a00:1           | a private address (IPv4-translated IPv6)
            64:ff9b::a00:1           | a private address (NAT64 IPv6)
            64:ff9b::a9fe:a9fe       | a cloud metadata address (NAT64 IPv6)
            64:ff9b::7f00:1          | a loopback address (NAT64 IPv6)
            64:ff9b:1::a00:1         | a local-use NAT64 address
            2002:a00:1::1            | a private address (6to4 IPv6)
            2002:a9fe:a9fe::         | a cloud metadata address (6to4 IPv6)
            2001:0:4136:e378::1      | a Teredo tunnel address
            2001:db8::1              | a reserved address
            100::1                   | a reserved address
            4000::1                  | a reserved address
            """)
    void only_public_unicast_addresses_are_allowed(String address, String verdict) throws UnknownHostException {
        assertThat(production.refusal(parse(address)).orElse("allowed")).isEqualTo(verdict);
    }

    @Test
    void ipv4_mapped_addresses_are_judged_by_their_ipv4_address_even_when_kept_as_ipv6() throws UnknownHostException {
        // The JDK turns ::ffff:a.b.c.d into an IPv4 address when it parses one; built from bytes, it stays IPv6.
        assertThat(production.refusal(mapped(10, 0, 0, 1))).contains("a private address (IPv4-mapped IPv6)");
        assertThat(production.refusal(mapped(169, 254, 169, 254)))
                .contains("a cloud metadata address (IPv4-mapped IPv6)");
        assertThat(production.refusal(mapped(0, 0, 0, 0))).contains("an unspecified address (IPv4-mapped IPv6)");
        assertThat(production.refusal(mapped(8, 8, 8, 8))).isEmpty();
    }

    @Test
    void dev_mode_lets_loopback_through_and_nothing_else() throws UnknownHostException {
        assertThat(dev.refusal(parse("127.0.0.1"))).isEmpty();
        assertThat(dev.refusal(parse("127.0.0.2"))).isEmpty();
        assertThat(dev.refusal(parse("::1"))).isEmpty();
        assertThat(dev.refusal(mapped(127, 0, 0, 1))).isEmpty();

        assertThat(dev.refusal(parse("0.0.0.0"))).contains("an unspecified address");
        assertThat(dev.refusal(parse("::"))).contains("an unspecified address");
        assertThat(dev.refusal(parse("10.0.0.1"))).contains("a private address");
        assertThat(dev.refusal(parse("169.254.169.254"))).contains("a cloud metadata address");
        assertThat(dev.refusal(parse("fd00:ec2::254"))).contains("a cloud metadata address");
        assertThat(dev.refusal(parse("fe80::1"))).contains("a link-local address");
    }

    @Test
    void an_ipv6_scope_does_not_change_the_verdict() throws UnknownHostException {
        InetAddress scoped = Inet6Address.getByAddress(null, parse("fe80::1").getAddress(), 1);

        assertThat(production.refusal(scoped)).contains("a link-local address");
    }

    /** Reads a literal without DNS: brackets make the JDK parse IPv6, and IPv4 literals are never looked up. */
    private static InetAddress parse(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
    }

    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFF;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
