package io.cluman.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkAddressesTest {
    @Test
    void putsIpv4FirstAndLeavesOutLoopbackAndLinkLocal() throws UnknownHostException {
        assertThat(NetworkAddresses.choose(addresses("::1", "fd00::2", "127.0.0.1", "fe80::1", "192.0.2.2")))
                .containsExactly("192.0.2.2", "fd00::2");
    }

    @Test
    void reportsLoopbackOnlyWhenThereIsNothingElse() throws UnknownHostException {
        assertThat(NetworkAddresses.choose(addresses("::1", "127.0.0.1", "fe80::1")))
                .containsExactly("127.0.0.1", "::1");
    }

    @Test
    void writesIpv6AsRfc5952() throws UnknownHostException {
        assertThat(NetworkAddresses.choose(addresses("2001:db8:0:0:1:0:0:1", "2001:db8:0:1:1:1:1:1", "2001:db8::")))
                .containsExactly("2001:db8::1:0:0:1", "2001:db8:0:1:1:1:1:1", "2001:db8::");
    }

    @Test
    void thisHostHasAtLeastOneAddress() {
        assertThat(NetworkAddresses.ofThisHost()).isNotEmpty();
    }

    private static List<InetAddress> addresses(String... texts) throws UnknownHostException {
        InetAddress[] out = new InetAddress[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = InetAddress.getByName(texts[i]);
        }
        return Arrays.asList(out);
    }
}
