package dev.outpost.stack.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import dev.outpost.profiles.resolve.Plan;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds host ports that are taken before anything is started, says who holds them, and offers a free one. */
final class PortChecker {
    private final DockerClient docker;

    PortChecker(DockerClient docker) {
        this.docker = docker;
    }

    /** @param ours ports the environment's own running containers hold (they are not conflicts) */
    List<PortConflictException.Conflict> conflicts(Collection<Plan.Service> services, Set<Integer> ours) {
        List<PortConflictException.Conflict> out = new ArrayList<>();
        Set<Integer> planned = new HashSet<>();
        services.forEach(s -> s.ports().forEach(p -> planned.add(p.hostPort())));
        for (Plan.Service s : services) {
            for (Plan.Port p : s.ports()) {
                if (ours.contains(p.hostPort()) || free(p.hostPort())) {
                    continue;
                }
                out.add(new PortConflictException.Conflict(s.name(), p.name(), p.hostPort(), owner(p.hostPort()),
                        nextFree(p.hostPort() + 1, planned)));
            }
        }
        return out;
    }

    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int nextFree(int from, Set<Integer> planned) {
        for (int p = from; p < 65535; p++) {
            if (!planned.contains(p) && free(p)) {
                return p;
            }
        }
        return 0;
    }

    private String owner(int port) {
        try {
            for (Container c : docker.listContainersCmd().exec()) {
                for (ContainerPort cp : c.getPorts()) {
                    if (cp.getPublicPort() != null && cp.getPublicPort() == port) {
                        return "container " + c.getNames()[0].replaceFirst("^/", "");
                    }
                }
            }
        } catch (RuntimeException e) {
            // The engine's view is a nicety; the port is taken either way.
        }
        return "another program";
    }
}
