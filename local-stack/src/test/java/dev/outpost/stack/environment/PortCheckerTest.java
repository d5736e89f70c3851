package dev.outpost.stack.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckerTest {
    @Test
    void aBoundPortIsTakenAndAClosedOneFree() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(PortChecker.free(s.getLocalPort())).isFalse();
            int port = s.getLocalPort();
            s.close();
            assertThat(PortChecker.free(port)).isTrue();
        }
    }
}
