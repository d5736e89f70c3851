package dev.outpost.stack.cost;

import dev.outpost.stack.idle.IdlePolicy;
import java.util.List;

/**
 * A running environment as the monitor meters it.
 *
 * @param containers    what to read stats from: the services' containers, or a cluster's node containers
 * @param clientFacing  containers whose connections count as use (a cluster's nodes carry the control plane's own
 *                      traffic, so only service containers are listed; empty when connections cannot be told)
 * @param hostPorts     127.0.0.1 ports whose connections count as use where no container can be asked (a cluster's
 *                      port forwards run in Outpost itself)
 * @param cpuCountsAsUse false for a cluster, whose control plane keeps its nodes busy on its own
 * @param requestedCpus sum of the services' CPU requests, in cores
 * @param templates     catalog templates of its services, for the platform's per-service charges
 */
public record MeteredEnvironment(String name, List<String> containers, List<String> clientFacing, List<Integer> hostPorts,
                                 boolean cpuCountsAsUse, double requestedCpus, List<String> templates, IdlePolicy policy) {
    public MeteredEnvironment {
        containers = List.copyOf(containers);
        clientFacing = List.copyOf(clientFacing);
        hostPorts = List.copyOf(hostPorts);
        templates = List.copyOf(templates);
    }
}
