package dev.outpost.stack.idle;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts client connections in the text of {@code /proc/net/tcp} and {@code /proc/net/tcp6} as read inside a
 * container's network namespace. A client connection is an ESTABLISHED socket whose local port is one the
 * container listens on, from a peer that is not the container itself: a healthcheck connecting over loopback
 * is not somebody using the service, and outgoing connections use ephemeral ports nothing listens on.
 *
 * <p>Format (proc(5)): {@code sl local_address rem_address st ...}, addresses as {@code HEXIP:HEXPORT} in the
 * kernel's byte order, state {@code 01} ESTABLISHED and {@code 0A} LISTEN.
 */
public final class ProcNetTcp {
    private static final String ESTABLISHED = "01";
    private static final String LISTEN = "0A";

    private ProcNetTcp() {
    }

    public static int clientConnections(List<String> lines) {
        Set<Integer> listening = new HashSet<>();
        for (String line : lines) {
            String[] f = fields(line);
            if (f != null && f[3].equals(LISTEN)) {
                listening.add(port(f[1]));
            }
        }
        int clients = 0;
        for (String line : lines) {
            String[] f = fields(line);
            if (f != null && f[3].equals(ESTABLISHED) && listening.contains(port(f[1])) && !loopback(address(f[2]))) {
                clients++;
            }
        }
        return clients;
    }

    /** ESTABLISHED sockets whose local port is one of {@code ports}, whatever the peer. */
    public static int establishedOnPorts(List<String> lines, Set<Integer> ports) {
        int n = 0;
        for (String line : lines) {
            String[] f = fields(line);
            if (f != null && f[3].equals(ESTABLISHED) && ports.contains(port(f[1]))) {
                n++;
            }
        }
        return n;
    }

    /** The fields of a socket line, or null for the header and anything else. */
    private static String[] fields(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4 || !f[0].endsWith(":") || f[1].indexOf(':') < 0 || f[2].indexOf(':') < 0) {
            return null;
        }
        return f;
    }

    private static int port(String hostPort) {
        return Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1), 16);
    }

    private static String address(String hostPort) {
        return hostPort.substring(0, hostPort.indexOf(':'));
    }

    /**
     * 127.0.0.0/8 is stored little-endian on x86 and arm, so its first octet is the last byte: {@code 0100007F}.
     * ::1 is {@code 00000000000000000000000001000000}; ::ffff:127.x.x.x ends in the IPv4 form.
     */
    static boolean loopback(String hex) {
        if (hex.length() == 8) {
            return hex.endsWith("7F");
        }
        if (hex.equals("00000000000000000000000001000000")) {
            return true;
        }
        return hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F");
    }
}
