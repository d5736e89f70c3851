package dev.outpost.stack.cluster;

/**
 * One node container as the engine reports it.
 *
 * @param role control-plane, worker, server, agent or loadbalancer: the tool's own word
 */
public record NodeInfo(String name, String role, boolean running) {
}
