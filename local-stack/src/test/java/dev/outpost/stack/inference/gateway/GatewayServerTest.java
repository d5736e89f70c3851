package dev.outpost.stack.inference.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the gateway listens: 127.0.0.1 only, on the port asked for, and a clear error when it is taken. */
class GatewayServerTest {
    private StubUpstream local;
    private InferenceGateway gateway;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void listensOn127001AndOnNoOtherAddress() throws Exception {
        local = StubUpstream.ollama();
        gateway = InferenceGateway.builder(local.route("local")).start(0);
        int port = gateway.port();
        assertThat(gateway.url().toString()).isEqualTo("http://127.0.0.1:" + port);

        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            assertThat(s.isConnected()).isTrue();
        }
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && !(a instanceof Inet6Address v6 && v6.isLinkLocalAddress())) {
                    others.add(a);
                }
            }
        }
        others.add(InetAddress.getByName("127.0.0.2"));
        for (InetAddress other : others) {
            try (Socket s = new Socket()) {
                assertThatThrownBy(() -> s.connect(new InetSocketAddress(other, port), 2000))
                        .as("connecting via %s", other).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void aTakenPortIsAClearErrorAndAFreeOneOnlyWhenAskedFor() throws Exception {
        local = StubUpstream.ollama();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> InferenceGateway.builder(local.route("local")).start(port))
                    .isInstanceOf(GatewayPortInUseException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("already in use")
                    .satisfies(e -> assertThat(((GatewayPortInUseException) e).port()).isEqualTo(port));

            gateway = InferenceGateway.builder(local.route("local")).startOrEphemeral(port);
            assertThat(gateway.port()).isNotEqualTo(port).isPositive();
            assertThat(TestClient.call(gateway.url(), "/api/version", null).status()).isEqualTo(200);
        }
    }

    @Test
    void thePreferredPortIsTheOneUsedAndIsFreeAgainAfterClose() throws Exception {
        local = StubUpstream.ollama();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        gateway = InferenceGateway.builder(local.route("local")).start(port);
        assertThat(gateway.port()).isEqualTo(port);
        gateway.close();

        gateway = InferenceGateway.builder(local.route("local")).start(port);
        assertThat(gateway.port()).isEqualTo(port);
        assertThat(TestClient.call(gateway.url(), "/api/version", null).json().path("version").asString()).isEqualTo("0.32.15");
    }
}
