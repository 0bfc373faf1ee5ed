package dev.ecoscan.adapter.images;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Host name to addresses: the system resolver in service, a fixed table in tests so that no test needs DNS. */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
