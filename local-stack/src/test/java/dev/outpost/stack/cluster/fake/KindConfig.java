package dev.outpost.stack.cluster.fake;

import dev.outpost.stack.cluster.fake.GoYamlDecoder.GoType;
import dev.outpost.stack.cluster.fake.GoYamlDecoder.MapOf;
import dev.outpost.stack.cluster.fake.GoYamlDecoder.Scalar;
import dev.outpost.stack.cluster.fake.GoYamlDecoder.Seq;
import dev.outpost.stack.cluster.fake.GoYamlDecoder.Struct;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * kind's {@code kind.x-k8s.io/v1alpha4} cluster config: strict decoding (yaml.v3 KnownFields), defaulting and
 * {@code Cluster.Validate()}, with kind's error texts. Errors are thrown as {@link ConfigError} carrying the text
 * kind prints after {@code failed to create cluster: }.
 */
final class KindConfig {
    static final String DEFAULT_IMAGE =
            "kindest/node:v1.36.1@sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5";
    private static final Pattern NAME = Pattern.compile("^[a-z0-9.-]+$");

    record PortMapping(int containerPort, int hostPort, String listenAddress, String protocol) {
    }

    record Mount(String hostPath, String containerPath, boolean readOnly, String propagation) {
    }

    record NodeSpec(String role, String image, List<PortMapping> ports, List<Mount> mounts) {
    }

    record Cluster(String name, List<NodeSpec> nodes, String ipFamily, String apiServerAddress, int apiServerPort,
            String podSubnet, String serviceSubnet, String kubeProxyMode, boolean disableDefaultCNI) {
        long count(String role) {
            return nodes.stream().filter(n -> n.role().equals(role)).count();
        }
    }

    static final class ConfigError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfigError(String message) {
            super(message);
        }
    }

    // The v1alpha4 types, field for field (kind.md §6, pkg/apis/config/v1alpha4/types.go).
    private static final Struct PATCH = struct("v1alpha4.PatchJSON6902", "group", Scalar.STRING, "version",
            Scalar.STRING, "kind", Scalar.STRING, "patch", Scalar.STRING);
    private static final Struct PORT = struct("v1alpha4.PortMapping", "containerPort", Scalar.INT32, "hostPort",
            Scalar.INT32, "listenAddress", Scalar.STRING, "protocol",
            new Scalar("v1alpha4.PortMappingProtocol", GoYamlDecoder.ScalarKind.STRING));
    private static final Struct MOUNT = struct("v1alpha4.Mount", "containerPath", Scalar.STRING, "hostPath",
            Scalar.STRING, "readOnly", Scalar.BOOL, "selinuxRelabel", Scalar.BOOL, "propagation",
            new Scalar("v1alpha4.MountPropagation", GoYamlDecoder.ScalarKind.STRING));
    private static final Struct NODE = struct("v1alpha4.Node", "role",
            new Scalar("v1alpha4.NodeRole", GoYamlDecoder.ScalarKind.STRING), "image", Scalar.STRING, "labels",
            new MapOf(Scalar.STRING), "extraMounts", new Seq(MOUNT), "extraPortMappings", new Seq(PORT),
            "kubeadmConfigPatches", new Seq(Scalar.STRING), "kubeadmConfigPatchesJSON6902", new Seq(PATCH));
    private static final Struct NETWORKING = struct("v1alpha4.Networking", "ipFamily",
            new Scalar("v1alpha4.ClusterIPFamily", GoYamlDecoder.ScalarKind.STRING), "apiServerPort", Scalar.INT32,
            "apiServerAddress", Scalar.STRING, "podSubnet", Scalar.STRING, "serviceSubnet", Scalar.STRING,
            "disableDefaultCNI", Scalar.BOOL, "kubeProxyMode",
            new Scalar("v1alpha4.ProxyMode", GoYamlDecoder.ScalarKind.STRING), "dnsSearch", new Seq(Scalar.STRING));
    static final Struct CLUSTER = struct("v1alpha4.Cluster", "kind", Scalar.STRING, "apiVersion", Scalar.STRING,
            "name", Scalar.STRING, "nodes", new Seq(NODE), "networking", NETWORKING, "featureGates",
            new MapOf(Scalar.BOOL), "runtimeConfig", new MapOf(Scalar.STRING), "kubeadmConfigPatches",
            new Seq(Scalar.STRING), "kubeadmConfigPatchesJSON6902", new Seq(PATCH), "containerdConfigPatches",
            new Seq(Scalar.STRING), "containerdConfigPatchesJSON6902", new Seq(Scalar.STRING));

    private KindConfig() {
    }

    /** Parses and decodes a config file's bytes (encoding.Parse): errors are kind's, unwrapped. */
    static Map<String, Object> parse(String raw) {
        Node root;
        try {
            root = GoYamlDecoder.compose(raw);
        } catch (GoYamlDecoder.SyntaxError e) {
            throw new ConfigError("could not determine kind / apiVersion for config: " + e.getMessage());
        }
        String apiVersion = topLevelScalar(root, "apiVersion");
        String kind = topLevelScalar(root, "kind");
        if (!"kind.x-k8s.io/v1alpha4".equals(apiVersion)) {
            throw new ConfigError("unknown apiVersion: " + apiVersion);
        }
        if (!"Cluster".equals(kind)) {
            throw new ConfigError("unknown kind " + kind + " for apiVersion: " + apiVersion);
        }
        GoYamlDecoder.Result r = GoYamlDecoder.decode(root, CLUSTER);
        if (!r.ok()) {
            throw new ConfigError("unable to decode config: " + r.message());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = r.value() == null ? new LinkedHashMap<>() : (Map<String, Object>) r.value();
        return doc;
    }

    /** The default config (no --config): one control-plane node. */
    static Map<String, Object> defaultDocument() {
        return new LinkedHashMap<>();
    }

    /** fixupOptions + SetDefaultsCluster: name override, --image override, defaults. Does not validate. */
    @SuppressWarnings("unchecked")
    static Cluster resolve(Map<String, Object> doc, String nameOverride, String imageOverride) {
        String name = nameOverride != null && !nameOverride.isEmpty() ? nameOverride
                : str(doc.get("name"), "kind");
        Map<String, Object> net = (Map<String, Object>) doc.getOrDefault("networking", Map.of());
        if (net == null) {
            net = Map.of();
        }
        String ipFamily = str(net.get("ipFamily"), "ipv4");
        String apiAddress = str(net.get("apiServerAddress"), ipFamily.equals("ipv6") ? "::1" : "127.0.0.1");
        int apiPort = net.get("apiServerPort") instanceof Integer i ? i : 0;
        String pod = str(net.get("podSubnet"), switch (ipFamily) {
            case "ipv6" -> "fd00:10:244::/56";
            case "dual" -> "10.244.0.0/16,fd00:10:244::/56";
            default -> "10.244.0.0/16";
        });
        String svc = str(net.get("serviceSubnet"), switch (ipFamily) {
            case "ipv6" -> "fd00:10:96::/112";
            case "dual" -> "10.96.0.0/16,fd00:10:96::/112";
            default -> "10.96.0.0/16";
        });
        String proxy = str(net.get("kubeProxyMode"), "iptables");
        boolean noCni = Boolean.TRUE.equals(net.get("disableDefaultCNI"));
        List<NodeSpec> nodes = new ArrayList<>();
        List<Map<String, Object>> rawNodes = (List<Map<String, Object>>) doc.get("nodes");
        if (rawNodes == null || rawNodes.isEmpty()) {
            rawNodes = List.of(new HashMap<>());
        }
        for (Map<String, Object> n : rawNodes) {
            Map<String, Object> node = n == null ? Map.of() : n;
            String image = imageOverride != null && !imageOverride.isEmpty() ? imageOverride
                    : str(node.get("image"), DEFAULT_IMAGE);
            List<PortMapping> ports = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) node.getOrDefault("extraPortMappings",
                    List.of())) {
                Map<String, Object> pm = p == null ? Map.of() : p;
                ports.add(new PortMapping(intOf(pm.get("containerPort")), intOf(pm.get("hostPort")),
                        str(pm.get("listenAddress"), ""), str(pm.get("protocol"), "TCP")));
            }
            List<Mount> mounts = new ArrayList<>();
            for (Map<String, Object> m : (List<Map<String, Object>>) node.getOrDefault("extraMounts", List.of())) {
                Map<String, Object> mm = m == null ? Map.of() : m;
                mounts.add(new Mount(str(mm.get("hostPath"), ""), str(mm.get("containerPath"), ""),
                        Boolean.TRUE.equals(mm.get("readOnly")), str(mm.get("propagation"), "")));
            }
            nodes.add(new NodeSpec(str(node.get("role"), "control-plane"), image, ports, mounts));
        }
        return new Cluster(name, nodes, ipFamily, apiAddress, apiPort, pod, svc, proxy, noCni);
    }

    /** Cluster.Validate(): every problem, aggregated like kind's errors.NewAggregate. */
    static void validate(Cluster c) {
        List<String> errs = new ArrayList<>();
        if (!NAME.matcher(c.name()).matches()) {
            errs.add("'" + c.name() + "' is not a valid cluster name, cluster names must match `" + NAME.pattern()
                    + "`");
        }
        if (c.apiServerPort() != 0 && !validPort(c.apiServerPort())) {
            errs.add("invalid apiServerPort: invalid port number: " + c.apiServerPort());
        }
        if (!Set.of("ipv4", "ipv6", "dual").contains(c.ipFamily())) {
            errs.add("invalid ipFamily: " + c.ipFamily());
        }
        subnetError(c.podSubnet(), c.ipFamily()).ifPresentOrElse(e -> errs.add("invalid pod subnet " + e), () -> {
        });
        subnetError(c.serviceSubnet(), c.ipFamily()).ifPresentOrElse(e -> errs.add("invalid service subnet " + e),
                () -> {
                });
        if (!Set.of("iptables", "ipvs", "nftables", "none").contains(c.kubeProxyMode())) {
            errs.add("invalid kubeProxyMode: " + c.kubeProxyMode());
        }
        for (int i = 0; i < c.nodes().size(); i++) {
            List<String> nodeErrs = nodeErrors(c.nodes().get(i));
            if (!nodeErrs.isEmpty()) {
                errs.add("invalid configuration for node " + i + ": " + aggregate(nodeErrs));
            }
        }
        if (c.count("control-plane") < 1) {
            errs.add("must have at least one control-plane node");
        }
        if (!errs.isEmpty()) {
            throw new ConfigError(aggregate(errs));
        }
    }

    private static List<String> nodeErrors(NodeSpec n) {
        List<String> errs = new ArrayList<>();
        if (!n.role().equals("control-plane") && !n.role().equals("worker")) {
            errs.add("\"" + n.role() + "\" is not a valid node role");
        }
        if (n.image().isEmpty()) {
            errs.add("image is a required field");
        }
        for (PortMapping p : n.ports()) {
            if (!validPort(p.hostPort())) {
                errs.add("invalid hostPort: invalid port number: " + p.hostPort());
            }
            if (!validPort(p.containerPort())) {
                errs.add("invalid containerPort: invalid port number: " + p.containerPort());
            }
        }
        duplicateBinding(n.ports()).ifPresentOrElse(e -> errs.add("invalid portMapping: " + e), () -> {
        });
        return errs;
    }

    private static java.util.Optional<String> duplicateBinding(List<PortMapping> ports) {
        Map<String, Set<String>> bound = new HashMap<>();
        for (PortMapping p : ports) {
            if (p.hostPort() == 0 || p.hostPort() == -1) {
                continue;
            }
            String addr = canonicalAddress(p.listenAddress());
            String key = p.hostPort() + "/" + p.protocol();
            String err = "port mapping with same listen address, port and protocol already configured: " + addr + ":"
                    + key;
            if (addr.equals("::")) {
                addr = "0.0.0.0";
            }
            Set<String> addrs = bound.computeIfAbsent(key, k -> new HashSet<>());
            if ((addr.equals("0.0.0.0") && !addrs.isEmpty()) || addrs.contains(addr) || addrs.contains("0.0.0.0")) {
                return java.util.Optional.of(err);
            }
            addrs.add(addr);
        }
        return java.util.Optional.empty();
    }

    private static String canonicalAddress(String a) {
        if (a.isEmpty()) {
            return "<nil>";
        }
        try {
            if (a.matches("[0-9a-fA-F:.]+")) {
                InetAddress ia = InetAddress.getByName(a);
                return a.contains(":") ? (ia.getHostAddress().equals("0:0:0:0:0:0:0:0") ? "::" : a) : ia
                        .getHostAddress();
            }
        } catch (UnknownHostException ignored) {
            // falls through
        }
        return "<nil>";
    }

    private static java.util.Optional<String> subnetError(String subnets, String family) {
        String[] cidrs = subnets.split(",", -1);
        List<Boolean> v4 = new ArrayList<>();
        for (String cidr : cidrs) {
            Boolean isV4 = cidrFamily(cidr);
            if (isV4 == null) {
                return java.util.Optional.of("failed to parse cidr value:\"" + cidr
                        + "\" with error: invalid CIDR address: " + cidr);
            }
            v4.add(isV4);
        }
        boolean dual = family.equals("dual");
        String dualMsg = "expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking";
        if (dual && v4.size() > 2) {
            return java.util.Optional.of(dualMsg);
        }
        if (dual && v4.size() == 2 && v4.get(0).equals(v4.get(1))) {
            return java.util.Optional.of(dualMsg);
        }
        if (!dual && v4.size() > 1) {
            return java.util.Optional.of("only one CIDR allowed for single-stack networking");
        }
        if (family.equals("ipv4") && !v4.get(0)) {
            return java.util.Optional.of("expected IPv4 CIDR for IPv4 family");
        }
        if (family.equals("ipv6") && v4.get(0)) {
            return java.util.Optional.of("expected IPv6 CIDR for IPv6 family");
        }
        return java.util.Optional.empty();
    }

    /** TRUE for an IPv4 CIDR, FALSE for IPv6, null when not a CIDR. */
    private static Boolean cidrFamily(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String ip = cidr.substring(0, slash);
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String o : ip.split("\\.")) {
                if (Integer.parseInt(o) > 255) {
                    return null;
                }
            }
            return bits >= 0 && bits <= 32 ? Boolean.TRUE : null;
        }
        if (ip.contains(":") && ip.matches("[0-9a-fA-F:.]+")) {
            try {
                InetAddress.getByName(ip);
                return bits >= 0 && bits <= 128 ? Boolean.FALSE : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean validPort(int p) {
        return p >= -1 && p <= 65535;
    }

    static String aggregate(List<String> errs) {
        return errs.size() == 1 ? errs.getFirst() : "[" + String.join(", ", errs) + "]";
    }

    private static String topLevelScalar(Node root, String key) {
        if (root instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                        && t.getValueNode() instanceof ScalarNode v) {
                    return GoYamlDecoder.tagOf(v).equals("!!null") ? "" : v.getValue();
                }
            }
        }
        return "";
    }

    private static String str(Object v, String def) {
        return v instanceof String s && !s.isEmpty() ? s : def;
    }

    private static int intOf(Object v) {
        return v instanceof Integer i ? i : 0;
    }

    private static Struct struct(String name, Object... kv) {
        Map<String, GoType> fields = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            fields.put((String) kv[i], (GoType) kv[i + 1]);
        }
        return new Struct(name, fields);
    }
}
