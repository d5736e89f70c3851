package dev.outpost.stack.idle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Linux: this network namespace's {@code /proc/net/tcp*}. Each client of a forward shows as two sockets (the
 * client's and the forward's accepted one); only the accepted end has the published port as its local port.
 * Elsewhere (macOS, Windows) it answers empty and the monitor falls back to network traffic.
 */
public final class ProcHostConnections implements HostConnections {
    private final Path proc;

    public ProcHostConnections(Path proc) {
        this.proc = proc;
    }

    public static HostConnections forThisMachine() {
        Path proc = Path.of("/proc/net");
        return Files.isReadable(proc.resolve("tcp")) ? new ProcHostConnections(proc) : ports -> OptionalInt.empty();
    }

    @Override
    public OptionalInt established(List<Integer> ports) {
        if (ports.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> lines = new ArrayList<>();
        try {
            lines.addAll(Files.readAllLines(proc.resolve("tcp")));
            Path v6 = proc.resolve("tcp6");
            if (Files.isReadable(v6)) {
                lines.addAll(Files.readAllLines(v6));
            }
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ProcNetTcp.establishedOnPorts(lines, Set.copyOf(ports)));
    }
}
