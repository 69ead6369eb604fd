package io.cluman.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TcpConnectionsTest {
    private static final String TABLE = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1
               1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 2 1
               2: 0100007F:1F90 0100007F:C351 01 00000000:00000000 00:00000000 00000000     0        0 3 1
               3: 0100007F:1F90 0100007F:C352 06 00000000:00000000 00:00000000 00000000     0        0 4 1
               4: 0100007F:C350 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 5 1
               5: 0100007F:0050 0100007F:C353 01 00000000:00000000 00:00000000 00000000     0        0 6 1
            """;

    @Test
    void countsEstablishedSocketsWhoseLocalPortIsPublished() {
        // 8080 = 0x1F90: two established, one listening, one in TIME_WAIT, one outgoing (local port 50000)
        assertThat(TcpConnections.count(TABLE, Set.of(8080))).isEqualTo(2);
        assertThat(TcpConnections.count(TABLE, Set.of(8080, 80))).isEqualTo(3);
        assertThat(TcpConnections.count(TABLE, Set.of(9090))).isZero();
        assertThat(TcpConnections.count("", Set.of(8080))).isZero();
    }

    @Test
    void readsTheNamespaceOfAProcess() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 3; i++) {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                sockets.add(server.accept());
            }
            long pid = ProcessHandle.current().pid();
            assertThat(TcpConnections.served(pid, Set.of(server.getLocalPort()))).isEqualTo(3);
            assertThat(TcpConnections.served(pid, Set.of())).isEqualTo(TaskStats.UNKNOWN);
            assertThat(TcpConnections.served(Integer.MAX_VALUE, Set.of(server.getLocalPort())))
                    .isEqualTo(TaskStats.UNKNOWN);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
