package io.cluman.agent.host;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses a node reports: non-loopback IPv4 first, then IPv6 (link-local ones are left out: they
 * reach no one beyond the link); loopback ones only when there is nothing else.
 */
final class NetworkAddresses {
    private NetworkAddresses() {
    }

    /** The addresses of the interfaces that are up. */
    static List<String> ofThisHost() {
        List<InetAddress> all = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isUp()) {
                    all.addAll(nic.inetAddresses().toList());
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: report none rather than fail the whole facts
            return List.of();
        }
        return choose(all);
    }

    /** Orders and filters {@code addresses} by the rule above. Pure. */
    static List<String> choose(List<InetAddress> addresses) {
        List<InetAddress> usable = addresses.stream()
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .toList();
        List<InetAddress> chosen = usable.isEmpty()
                ? addresses.stream().filter(InetAddress::isLoopbackAddress).toList()
                : usable;
        Set<String> out = new LinkedHashSet<>();
        chosen.stream()
                .sorted(Comparator.comparingInt(a -> a instanceof Inet4Address ? 0 : 1))
                .forEach(a -> out.add(text(a)));
        return List.copyOf(out);
    }

    private static String text(InetAddress address) {
        return address instanceof Inet6Address ? compressed(address.getAddress()) : address.getHostAddress();
    }

    /** RFC 5952 text of an IPv6 address: lower-case hex, the longest run of 2+ zero groups as {@code ::}. */
    static String compressed(byte[] ipv6) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((ipv6[2 * i] & 0xff) << 8) | (ipv6[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }
}
