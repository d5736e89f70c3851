package dev.outpost.stack.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lines as a container running PostgreSQL on 5432 (0x1538) shows them in /proc/net/tcp and tcp6. */
class ProcNetTcpTest {
    private static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    private static final String LISTEN_V4 =
            "   0: 00000000:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 41291 1 0 100 0 0 10 0";
    private static final String CLIENT_VIA_BRIDGE =
            "   1: 020011AC:1538 010011AC:D2F4 01 00000000:00000000 00:00000000 00000000   999        0 45121 1 0 20 4 30 10 -1";
    private static final String HEALTHCHECK_OVER_LOOPBACK =
            "   2: 0100007F:1538 0100007F:9C40 01 00000000:00000000 00:00000000 00000000   999        0 45188 1 0 20 4 30 10 -1";
    private static final String OUTGOING =
            "   3: 020011AC:B3A2 0A0A0A0A:01BB 01 00000000:00000000 00:00000000 00000000   999        0 45190 1 0 20 4 30 10 -1";
    private static final String CLOSING_CLIENT =
            "   4: 020011AC:1538 010011AC:D2F6 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0";
    private static final String LISTEN_V6 =
            "   0: 00000000000000000000000000000000:1538 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 41292 1 0 100 0 0 10 0";
    private static final String CLIENT_V6 =
            "   1: 0000000000000000FFFF0000020011AC:1538 0000000000000000FFFF0000010011AC:D300 01 00000000:00000000 00:00000000 00000000   999        0 45300 1 0 20 4 30 10 -1";

    @Test
    void countsEstablishedClientsOnListeningPortsOnly() {
        assertThat(ProcNetTcp.clientConnections(List.of(HEADER, LISTEN_V4, CLIENT_VIA_BRIDGE, HEALTHCHECK_OVER_LOOPBACK,
                OUTGOING, CLOSING_CLIENT))).isEqualTo(1);
    }

    @Test
    void countsIpv6AndMappedClientsToo() {
        assertThat(ProcNetTcp.clientConnections(List.of(HEADER, LISTEN_V4, HEADER, LISTEN_V6, CLIENT_V6, CLIENT_VIA_BRIDGE)))
                .isEqualTo(2);
    }

    @Test
    void nothingListeningOrConnectedIsZero() {
        assertThat(ProcNetTcp.clientConnections(List.of(HEADER))).isZero();
        assertThat(ProcNetTcp.clientConnections(List.of(HEADER, LISTEN_V4))).isZero();
    }

    @Test
    void loopbackPeersAreRecognisedInEveryForm() {
        assertThat(ProcNetTcp.loopback("0100007F")).isTrue();
        assertThat(ProcNetTcp.loopback("0500007F")).isTrue();
        assertThat(ProcNetTcp.loopback("00000000000000000000000001000000")).isTrue();
        assertThat(ProcNetTcp.loopback("0000000000000000FFFF00000100007F")).isTrue();
        assertThat(ProcNetTcp.loopback("010011AC")).isFalse();
        assertThat(ProcNetTcp.loopback("0000000000000000FFFF0000010011AC")).isFalse();
    }

    @Test
    void hostSideCountsEveryEstablishedSocketOnTheForwardedPorts() {
        String accepted = "   5: 0100007F:7918 0100007F:E1A0 01 00000000:00000000 00:00000000 00000000  1000        0 1 1 0 20 4 30 10 -1";
        String clientEnd = "   6: 0100007F:E1A0 0100007F:7918 01 00000000:00000000 00:00000000 00000000  1000        0 2 1 0 20 4 30 10 -1";
        assertThat(ProcNetTcp.establishedOnPorts(List.of(HEADER, accepted, clientEnd), Set.of(0x7918))).isEqualTo(1);
        assertThat(ProcNetTcp.establishedOnPorts(List.of(HEADER, accepted, clientEnd), Set.of(5432))).isZero();
    }
}
