package dev.outpost.stack.cluster.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** k3d's little languages: {@code --api-port [HOST:]HOSTPORT}, port specs and {@code @NODEFILTER}s. */
final class K3dSpecs {
    private static final Pattern FILTER = Pattern.compile("^(server|servers|agent|agents|loadbalancer|all)"
            + "(:((\\d+,?)+|\\d*-\\d*|\\*))?(:([A-Za-z]+))?$");
    private static final Pattern IP = Pattern.compile("^[0-9.]+$|^\\[?[0-9a-fA-F:]+]?$");

    /** Where the Kubernetes API is published: kubeconfig host, bind address, host port. */
    record ApiPort(String host, String hostIp, int port) {
    }

    /** {@code [HOST:][HOSTPORT:]CONTAINERPORT[/PROTOCOL]}. */
    record PortMapping(String hostIp, String hostPort, String containerPort, String protocol) {
        String publishArg() {
            String ip = hostIp.isEmpty() ? "" : hostIp + ":";
            return ip + hostPort + ":" + containerPort + "/" + protocol;
        }
    }

    /** A spec split from its filters: {@code 8080:80@loadbalancer} → ("8080:80", ["loadbalancer"]). */
    record WithFilters(String spec, List<String> filters) {
    }

    private K3dSpecs() {
    }

    static ApiPort apiPort(String spec, String defaultHostIp) {
        String host = "";
        String port = spec;
        int colon = spec.lastIndexOf(':');
        if (colon >= 0) {
            host = spec.substring(0, colon);
            port = spec.substring(colon + 1);
        }
        int p;
        if (port.equals("random") || port.isEmpty()) {
            p = freePort();
        } else {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("failed to parse API Port spec: Failed to parse port mapping: "
                        + "invalid hostPort: " + port);
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("failed to parse API Port spec: Failed to parse port mapping: "
                        + "invalid hostPort: " + port);
            }
        }
        String hostIp = defaultHostIp;
        String kubeHost = defaultHostIp;
        if (!host.isEmpty()) {
            kubeHost = host;
            hostIp = IP.matcher(host).matches() ? host : resolve(host);
        }
        return new ApiPort(kubeHost, hostIp, p);
    }

    static WithFilters splitFilters(String flag) {
        int at = flag.lastIndexOf('@');
        if (at < 0) {
            return new WithFilters(flag, List.of());
        }
        List<String> filters = List.of(flag.substring(at + 1).split(";"));
        return new WithFilters(flag.substring(0, at), filters);
    }

    static PortMapping port(String spec) {
        String protocol = "tcp";
        String s = spec;
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            protocol = s.substring(slash + 1).toLowerCase();
            s = s.substring(0, slash);
            if (!List.of("tcp", "udp", "sctp").contains(protocol)) {
                throw new IllegalArgumentException("Failed to parse port mapping: invalid proto: " + protocol);
            }
        }
        String[] parts = s.split(":", -1);
        String ip = "";
        String hostPort = "";
        String containerPort;
        switch (parts.length) {
            case 1 -> containerPort = parts[0];
            case 2 -> {
                hostPort = parts[0];
                containerPort = parts[1];
            }
            case 3 -> {
                ip = parts[0];
                hostPort = parts[1];
                containerPort = parts[2];
            }
            default -> throw new IllegalArgumentException("Failed to parse port mapping: invalid port format: "
                    + spec);
        }
        if (!validPortOrRange(containerPort)) {
            throw new IllegalArgumentException("Failed to parse port mapping: invalid containerPort: "
                    + containerPort);
        }
        if (!hostPort.isEmpty() && !validPortOrRange(hostPort)) {
            throw new IllegalArgumentException("Failed to parse port mapping: invalid hostPort: " + hostPort);
        }
        return new PortMapping(ip, hostPort, containerPort, protocol);
    }

    /** The nodes a filter list selects among servers/agents/loadbalancer, in node order. */
    static List<String> filterNodes(List<String> filters, List<String> servers, List<String> agents, String lb) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : filters) {
            Matcher m = FILTER.matcher(f);
            if (!m.matches()) {
                throw new IllegalArgumentException("Failed to parse node filters: invalid format or empty subset in '"
                        + f + "'");
            }
            String group = m.group(1);
            String subset = m.group(3);
            switch (group) {
                case "all" -> {
                    out.addAll(servers);
                    out.addAll(agents);
                    if (lb != null) {
                        out.add(lb);
                    }
                }
                case "loadbalancer" -> {
                    if (lb == null) {
                        throw new IllegalArgumentException("Node filter 'loadbalancer' specified, but no "
                                + "loadbalancer was created");
                    }
                    out.add(lb);
                }
                default -> out.addAll(subset(group.startsWith("server") ? servers : agents, subset, f));
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> subset(List<String> nodes, String subset, String filter) {
        if (subset == null || subset.equals("*")) {
            return nodes;
        }
        List<String> out = new ArrayList<>();
        if (subset.contains("-")) {
            String[] r = subset.split("-", -1);
            int from = r[0].isEmpty() ? 0 : Integer.parseInt(r[0]);
            int to = r[1].isEmpty() ? nodes.size() - 1 : Integer.parseInt(r[1]);
            for (int i = from; i <= to; i++) {
                out.add(index(nodes, i, filter));
            }
            return out;
        }
        for (String i : subset.split(",")) {
            if (!i.isEmpty()) {
                out.add(index(nodes, Integer.parseInt(i), filter));
            }
        }
        return out;
    }

    private static String index(List<String> nodes, int i, String filter) {
        if (i >= nodes.size()) {
            throw new IllegalArgumentException("Failed to parse node filters: index out of range in '" + filter + "'");
        }
        return nodes.get(i);
    }

    private static boolean validPortOrRange(String p) {
        for (String part : p.split("-", -1)) {
            try {
                int n = Integer.parseInt(part);
                if (n < 0 || n > 65535) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            return 6443;
        }
    }

    private static String resolve(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (IOException e) {
            return "0.0.0.0";
        }
    }
}
