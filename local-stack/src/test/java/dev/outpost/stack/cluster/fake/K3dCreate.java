package dev.outpost.stack.cluster.fake;

import dev.outpost.stack.cluster.fake.CobraArgs.Flag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code k3d cluster create [NAME]}: config file (schema-validated) overridden by flags, the exists check, node
 * containers created then started as k3d does (so a taken port fails at start, in docker's words), rollback unless
 * {@code --no-rollback}, and the default kubeconfig update. Nodes run a sleeping shell, not k3s.
 */
final class K3dCreate {
    static final List<Flag> FLAGS = List.of(Flag.string("config", "c", ""), Flag.integer("servers", "s", 1),
            Flag.integer("agents", "a", 0), Flag.string("image", "i", "docker.io/rancher/k3s:" + K3dNodes.K3S_VERSION),
            Flag.string("api-port", null, "random"), Flag.array("port", "p"), Flag.array("env", "e"),
            Flag.array("volume", "v"), Flag.array("k3s-arg", null), Flag.array("k3s-node-label", null),
            Flag.array("runtime-label", null), Flag.array("runtime-ulimit", null),
            Flag.string("registry-create", null, ""), Flag.array("registry-use", null),
            Flag.string("registry-config", null, ""), Flag.bool("wait", null, true), Flag.duration("timeout", "0s"),
            Flag.bool("kubeconfig-update-default", null, true), Flag.bool("kubeconfig-switch-context", null, true),
            Flag.bool("no-lb", null, false), Flag.bool("no-rollback", null, false),
            Flag.bool("no-image-volume", null, false), Flag.string("gpus", null, ""),
            Flag.string("servers-memory", null, ""), Flag.string("agents-memory", null, ""),
            Flag.string("network", null, ""), Flag.string("subnet", null, "auto"), Flag.string("token", null, ""),
            Flag.array("host-alias", null), Flag.bool("host-pid-mode", null, false),
            Flag.array("lb-config-override", null), Flag.bool("enforce-registry-port-match", null, false));
    private static final Pattern HOSTNAME = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    static final String REGISTRIES = "/etc/rancher/k3s/registries.yaml";

    private record Node(String name, String role, List<String> createArgs) {
    }

    private final FakeEnvironment env;
    private final DockerCli docker;
    private final K3dLog log;

    K3dCreate(FakeEnvironment env, DockerCli docker, K3dLog log) {
        this.env = env;
        this.docker = docker;
        this.log = log;
    }

    @SuppressWarnings("unchecked")
    void run(CobraArgs.Parsed p) {
        if (p.positionals().size() > 1) {
            throw new CobraArgs.UsageError("accepts between 0 and 1 arg(s), received " + p.positionals().size());
        }
        Map<String, Object> cfg = new LinkedHashMap<>();
        String configFile = p.string("config");
        if (!configFile.isEmpty()) {
            cfg = loadConfig(configFile);
        }
        Map<String, Object> meta = (Map<String, Object>) cfg.getOrDefault("metadata", Map.of());
        Map<String, Object> options = (Map<String, Object>) cfg.getOrDefault("options", Map.of());
        Map<String, Object> k3dOpts = (Map<String, Object>) options.getOrDefault("k3d", Map.of());
        Map<String, Object> kcOpts = (Map<String, Object>) options.getOrDefault("kubeconfig", Map.of());
        Map<String, Object> kubeApi = (Map<String, Object>) cfg.getOrDefault("kubeAPI", Map.of());
        Map<String, Object> registries = (Map<String, Object>) cfg.getOrDefault("registries", Map.of());

        String name = !p.positionals().isEmpty() ? p.positionals().getFirst()
                : (String) (meta == null ? null : meta.get("name"));
        if (name == null || name.isEmpty()) {
            name = "k3s-default";
        }
        if (!HOSTNAME.matcher(name).matches() || name.length() > 32) {
            throw log.fatal("Failed Cluster Configuration Validation: Provided clusterName '" + name
                    + "' does not match requirements: Invalid Hostname: must be a valid RFC 1123 hostname of at most"
                    + " 32 characters");
        }
        int servers = p.changed("servers") ? p.integer("servers") : intOr(cfg.get("servers"), 1);
        int agents = p.changed("agents") ? p.integer("agents") : intOr(cfg.get("agents"), 0);
        if (servers < 1) {
            throw log.fatal("Failed Cluster Configuration Validation: You must have at least one server node");
        }
        if (agents < 0) {
            throw log.fatal("Failed Cluster Configuration Validation: agents must be >= 0");
        }
        String image = p.changed("image") ? p.string("image") : str(cfg.get("image"), p.string("image"));
        boolean noLb = p.changed("no-lb") ? p.bool("no-lb") : bool(k3dOpts.get("disableLoadbalancer"), false);
        boolean noRollback = p.changed("no-rollback") ? p.bool("no-rollback")
                : bool(k3dOpts.get("disableRollback"), false);
        boolean noImageVolume = p.changed("no-image-volume") ? p.bool("no-image-volume")
                : bool(k3dOpts.get("disableImageVolume"), false);
        boolean updateDefault = p.changed("kubeconfig-update-default") ? p.bool("kubeconfig-update-default")
                : bool(kcOpts.get("updateDefaultKubeconfig"), true);
        boolean switchContext = p.changed("kubeconfig-switch-context") ? p.bool("kubeconfig-switch-context")
                : bool(kcOpts.get("switchCurrentContext"), true);
        if (p.changed("timeout") && p.duration("timeout").isNegative()) {
            throw log.fatal("--timeout DURATION must be >= 1s");
        }
        String apiSpec = p.changed("api-port") ? p.string("api-port") : apiSpecFromConfig(kubeApi);
        K3dSpecs.ApiPort api;
        try {
            api = K3dSpecs.apiPort(apiSpec, str(kubeApi.get("hostIP"), "0.0.0.0"));
            if (!p.changed("api-port") && kubeApi.get("host") instanceof String h && !h.isEmpty()) {
                api = new K3dSpecs.ApiPort(h, api.hostIp(), api.port());
            }
        } catch (IllegalArgumentException e) {
            throw log.fatal(e.getMessage());
        }
        String registryConfig = registryConfig(p.changed("registry-config") ? p.string("registry-config")
                : str(registries.get("config"), ""));

        List<String> serverNames = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            serverNames.add("k3d-" + name + "-server-" + i);
        }
        List<String> agentNames = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            agentNames.add("k3d-" + name + "-agent-" + i);
        }
        String lb = noLb ? null : "k3d-" + name + "-serverlb";
        Map<String, List<String>> extra = new HashMap<>();
        try {
            placePorts(p, cfg, serverNames, agentNames, lb, extra);
            placeFiltered(p.array("volume"), (List<Map<String, Object>>) cfg.get("volumes"), "volume", "--volume",
                    serverNames, agentNames, lb, extra);
            placeFiltered(p.array("env"), (List<Map<String, Object>>) cfg.get("env"), "envVar", "--env",
                    serverNames, agentNames, lb, extra);
        } catch (IllegalArgumentException e) {
            throw log.fatal(e.getMessage());
        }

        if (!updateDefault && switchContext) {
            log.info("--kubeconfig-update-default=false --> sets --kubeconfig-switch-context=false");
            switchContext = false;
        }
        K3dNodes nodes = new K3dNodes(docker, log);
        if (nodes.clusters().containsKey(name)) {
            throw log.fatal("Failed to create cluster '" + name + "' because a cluster with that name already exists");
        }
        String token = p.changed("token") ? p.string("token") : str(cfg.get("token"), UUID.randomUUID().toString()
                .replace("-", ""));
        List<Node> plan = plan(name, serverNames, agentNames, lb, api, token, noImageVolume, extra);
        try {
            provision(name, plan, noImageVolume, registryConfig);
        } catch (K3dLog.Fatal e) {
            throw e;
        } catch (IllegalStateException e) {
            log.error(e.getMessage());
            log.error("Failed to create cluster >>> Rolling Back");
            if (noRollback) {
                throw log.fatal("Cluster creation FAILED, rollback deactivated.");
            }
            boolean ok = new K3dDelete(env, docker, log).deleteRuntime(name, plan.stream().map(Node::name)
                    .filter(n -> docker.run("inspect", "--type", "container", n).ok()).toList());
            throw log.fatal(ok ? "Cluster creation FAILED, all changes have been rolled back!"
                    : "Cluster creation FAILED, also FAILED to rollback changes!");
        }
        log.info("Cluster '" + name + "' created successfully!");
        if (updateDefault) {
            K3dKubeconfig kc = new K3dKubeconfig(env, docker, nodes);
            try {
                Map<String, Object> doc = kc.get(nodes.clusters().get(name));
                kc.merge(doc, kc.defaultPath(), false, switchContext, name);
            } catch (IOException | IllegalStateException e) {
                log.warn(e.getMessage());
            }
        }
        log.info("You can now use it like this:");
        if (updateDefault && !switchContext) {
            log.print("kubectl config use-context " + K3dKubeconfig.context(name) + "\n");
        } else if (!switchContext) {
            log.print("export KUBECONFIG=$(k3d kubeconfig write " + name + ")\n");
        }
        log.print("kubectl cluster-info\n");
    }

    private Map<String, Object> loadConfig(String configFile) {
        String text;
        try {
            text = Files.readString(Path.of(configFile));
        } catch (NoSuchFileException e) {
            throw log.fatal("Failed to stat config file " + configFile + ": stat " + configFile
                    + ": no such file or directory");
        } catch (IOException e) {
            throw log.fatal("Failed to read config file " + configFile + ": " + e.getMessage());
        }
        Object doc;
        try {
            doc = Json.parse(text.isBlank() ? "{}" : text);
        } catch (RuntimeException e) {
            throw log.fatal("Failed to read config file " + configFile + ": While parsing config: yaml: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> errors = K3dSchema.validate(doc);
        if (!errors.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            errors.forEach(e -> sb.append("- ").append(e).append("\n"));
            throw log.fatal("Schema Validation failed for config file " + configFile + ": " + sb);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) doc;
        log.info("Using config file " + configFile + " (" + String.valueOf(m.get("apiVersion")).toLowerCase() + "#"
                + String.valueOf(m.get("kind")).toLowerCase() + ")");
        return m;
    }

    /** The registries.yaml content from a path or an embedded (multi-line) config; null when none. */
    private String registryConfig(String value) {
        if (value.isEmpty()) {
            return null;
        }
        String content;
        String prefix;
        if (value.contains("\n")) {
            content = value;
            prefix = "failed to read embedded registries config: ";
        } else {
            try {
                content = Files.readString(Path.of(value));
            } catch (IOException e) {
                throw log.fatal("failed to open registry config file at " + value + ": open " + value
                        + ": no such file or directory");
            }
            prefix = "failed to read registry config from file at " + value + ": ";
        }
        String problem = RegistriesYaml.problem(content);
        if (problem != null) {
            throw log.fatal(prefix + problem);
        }
        return content;
    }

    @SuppressWarnings("unchecked")
    private void placePorts(CobraArgs.Parsed p, Map<String, Object> cfg, List<String> servers, List<String> agents,
            String lb, Map<String, List<String>> extra) {
        List<K3dSpecs.WithFilters> specs = new ArrayList<>();
        for (Map<String, Object> port : (List<Map<String, Object>>) cfg.getOrDefault("ports", List.of())) {
            specs.add(new K3dSpecs.WithFilters(str(port.get("port"), ""),
                    (List<String>) port.getOrDefault("nodeFilters", List.of())));
        }
        p.array("port").forEach(f -> specs.add(K3dSpecs.splitFilters(f)));
        for (K3dSpecs.WithFilters s : specs) {
            K3dSpecs.PortMapping pm = K3dSpecs.port(s.spec());
            List<String> filters = s.filters();
            if (filters.isEmpty()) {
                filters = List.of(lb != null ? "loadbalancer" : "server:0");
            }
            List<String> targets = K3dSpecs.filterNodes(filters.stream()
                    .map(f -> f.replaceAll(":(proxy|direct)$", "")).toList(), servers, agents, lb);
            boolean proxied = lb != null && filters.stream().anyMatch(f -> f.endsWith(":proxy"));
            if (proxied) {
                targets = List.of(lb);
            }
            if (targets.size() > 1) {
                throw new IllegalArgumentException("Same Portmapping can not be used for multiple nodes");
            }
            for (String t : targets) {
                extra.computeIfAbsent(t, k -> new ArrayList<>()).addAll(List.of("--publish", pm.publishArg()));
            }
        }
    }

    private static void placeFiltered(List<String> flags, List<Map<String, Object>> fromConfig, String key,
            String dockerFlag, List<String> servers, List<String> agents, String lb, Map<String, List<String>> extra) {
        List<K3dSpecs.WithFilters> specs = new ArrayList<>();
        if (fromConfig != null) {
            for (Map<String, Object> item : fromConfig) {
                @SuppressWarnings("unchecked")
                List<String> filters = (List<String>) item.getOrDefault("nodeFilters", List.of());
                specs.add(new K3dSpecs.WithFilters(str(item.get(key), ""), filters));
            }
        }
        flags.forEach(f -> specs.add(K3dSpecs.splitFilters(f)));
        for (K3dSpecs.WithFilters s : specs) {
            List<String> filters = s.filters().isEmpty() ? List.of("server:*", "agent:*") : s.filters();
            for (String t : K3dSpecs.filterNodes(filters, servers, agents, lb)) {
                extra.computeIfAbsent(t, k -> new ArrayList<>()).addAll(List.of(dockerFlag, s.spec()));
            }
        }
    }

    private List<Node> plan(String cluster, List<String> servers, List<String> agents, String lb,
            K3dSpecs.ApiPort api, String token, boolean noImageVolume, Map<String, List<String>> extra) {
        List<Node> out = new ArrayList<>();
        String apiNode = lb != null ? lb : servers.getFirst();
        for (String s : servers) {
            out.add(node(cluster, s, "server", apiNode, api, token, noImageVolume, lb, extra));
        }
        for (String a : agents) {
            out.add(node(cluster, a, "agent", apiNode, api, token, noImageVolume, lb, extra));
        }
        if (lb != null) {
            out.add(node(cluster, lb, "loadbalancer", apiNode, api, token, true, lb, extra));
        }
        return out;
    }

    private Node node(String cluster, String name, String role, String apiNode, K3dSpecs.ApiPort api, String token,
            boolean noImageVolume, String lb, Map<String, List<String>> extra) {
        List<String> args = new ArrayList<>(List.of("create", "--name", name, "--hostname", name, "--network",
                "k3d-" + cluster, "--restart", "unless-stopped"));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", "k3d");
        labels.put("k3d.cluster", cluster);
        labels.put("k3d.role", role);
        labels.put("k3d.version", K3dNodes.VERSION);
        labels.put("k3d.cluster.imageVolume", "k3d-" + cluster + "-images");
        labels.put("k3d.cluster.network", "k3d-" + cluster);
        labels.put("k3d.cluster.network.external", "false");
        labels.put("k3d.cluster.token", token);
        labels.put("k3d.cluster.url", "https://k3d-" + cluster + "-server-0:6443");
        if (!role.equals("agent")) {
            labels.put("k3d.server.api.host", api.host());
            labels.put("k3d.server.api.hostIP", api.hostIp());
            labels.put("k3d.server.api.port", Integer.toString(api.port()));
        }
        if (lb != null && role.equals("server")) {
            labels.put("k3d.server.loadbalancer", lb);
        }
        labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        if (!role.equals("loadbalancer")) {
            args.addAll(List.of("--env", "K3S_TOKEN=" + token, "--env", "K3S_KUBECONFIG_OUTPUT=" + K3dKubeconfig.OUTPUT));
        }
        if (!noImageVolume) {
            args.addAll(List.of("--volume", "k3d-" + cluster + "-images:/k3d/images"));
        }
        if (name.equals(apiNode)) {
            args.addAll(List.of("--publish", api.hostIp() + ":" + api.port() + ":6443/tcp"));
        }
        args.addAll(extra.getOrDefault(name, List.of()));
        args.addAll(List.of("--entrypoint", "/bin/sh", env.nodeImage(), "-c", KindCreate.NODE_SCRIPT));
        return new Node(name, role, args);
    }

    /** Creates then starts everything; IllegalStateException carries k3d's error chain for the rollback path. */
    private void provision(String cluster, List<Node> plan, boolean noImageVolume, String registryConfig) {
        String network = "k3d-" + cluster;
        log.info("Prep: Network");
        if (docker.run("network", "inspect", network).ok()) {
            log.info("Re-using existing network '" + network + "'");
        } else {
            DockerCli.Result r = docker.run("network", "create", "--driver", "bridge", "--label", "app=k3d", network);
            if (!r.ok()) {
                throw new IllegalStateException("Failed Network Preparation: failed to create cluster network: "
                        + r.err().strip());
            }
            log.info("Created network '" + network + "'");
        }
        if (!noImageVolume) {
            String volume = "k3d-" + cluster + "-images";
            DockerCli.Result r = docker.run("volume", "create", "--label", "app=k3d", "--label", "k3d.cluster="
                    + cluster, volume);
            if (!r.ok()) {
                throw new IllegalStateException("Failed to create image volume '" + volume + "' for cluster '"
                        + cluster + "': " + r.err().strip());
            }
            log.info("Created image volume " + volume);
        }
        for (Node n : plan) {
            log.info(n.role().equals("loadbalancer") ? "Creating LoadBalancer '" + n.name() + "'"
                    : "Creating node '" + n.name() + "'");
            DockerCli.Result r = docker.run(n.createArgs());
            if (!r.ok()) {
                throw new IllegalStateException("Failed Cluster Creation: failed setup of server/agent node "
                        + n.name() + ": failed to create node: runtime failed to create node '" + n.name()
                        + "': failed to create container for node '" + n.name() + "': " + r.err().strip());
            }
        }
        log.info("Starting cluster '" + cluster + "'");
        log.info("Starting servers...");
        for (Node n : plan.stream().filter(n -> n.role().equals("server")).toList()) {
            start(n, "Failed to start server " + n.name());
            if (env.failAt().filter("start-servers"::equals).isPresent()) {
                throw new IllegalStateException("Failed Cluster Start: Failed to start server " + n.name() + ": Node "
                        + n.name() + " failed to get ready: error waiting for log line `k3s is up and running` from "
                        + "node '" + n.name() + "': stopped returning log lines: node " + n.name()
                        + " is running=true in status=running");
            }
        }
        List<Node> agents = plan.stream().filter(n -> n.role().equals("agent")).toList();
        if (agents.isEmpty()) {
            log.info("All agents already running.");
        } else {
            log.info("Starting agents...");
            for (Node n : agents) {
                start(n, "Failed to start agent " + n.name());
            }
        }
        log.info("Starting helpers...");
        for (Node n : plan.stream().filter(n -> n.role().equals("loadbalancer")).toList()) {
            start(n, "Failed to start helpers");
        }
        Credentials.Pem creds = Credentials.generate("system:admin", "system:masters");
        new K3dKubeconfig(env, docker, new K3dNodes(docker, log)).writeNodeKubeconfig(plan.getFirst().name(), creds);
        if (registryConfig != null) {
            for (Node n : plan.stream().filter(n -> !n.role().equals("loadbalancer")).toList()) {
                DockerCli.Result r = docker.run(List.of("exec", "-i", n.name(), "sh", "-c",
                        "mkdir -p /etc/rancher/k3s && cat > " + REGISTRIES),
                        registryConfig.getBytes(StandardCharsets.UTF_8));
                if (!r.ok()) {
                    throw new IllegalStateException("Failed to write registry config into node '" + n.name() + "': "
                            + r.err().strip());
                }
            }
        }
        log.info("Injecting records for hostAliases (incl. host.k3d.internal) and for " + plan.size()
                + " network members into CoreDNS configmap...");
    }

    private void start(Node n, String context) {
        log.info("Starting node '" + n.name() + "'");
        DockerCli.Result r = docker.run("start", n.name());
        if (!r.ok()) {
            String why = r.err().strip().lines().findFirst().orElse("");
            throw new IllegalStateException("Failed Cluster Start: " + context + ": runtime failed to start node '"
                    + n.name() + "': docker failed to start container for node '" + n.name() + "': " + why);
        }
    }

    private static String apiSpecFromConfig(Map<String, Object> kubeApi) {
        String port = str(kubeApi.get("hostPort"), "random");
        String ip = str(kubeApi.get("hostIP"), "");
        return ip.isEmpty() ? port : ip + ":" + port;
    }

    private static int intOr(Object v, int def) {
        return v instanceof Number n ? n.intValue() : def;
    }

    private static boolean bool(Object v, boolean def) {
        return v instanceof Boolean b ? b : def;
    }

    private static String str(Object v, String def) {
        return v instanceof String s && !s.isEmpty() ? s : def;
    }
}
