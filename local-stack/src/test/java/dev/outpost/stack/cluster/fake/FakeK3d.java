package dev.outpost.stack.cluster.fake;

import dev.outpost.stack.cluster.fake.CobraArgs.Flag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the {@code k3d} v5.9.0 executable (see /work/shared/reference/k3d.md and docs/cluster-doubles.md):
 * same commands, flags, logrus output and exit codes, with all state in the Docker engine.
 */
public final class FakeK3d {
    private static final List<Flag> GLOBAL = List.of(Flag.bool("verbose", null, false), Flag.bool("trace", null,
            false), Flag.bool("timestamps", null, false));
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("cluster ls", "cluster list"),
            Map.entry("cluster get", "cluster list"), Map.entry("cluster del", "cluster delete"),
            Map.entry("cluster rm", "cluster delete"), Map.entry("kubeconfig print", "kubeconfig get"),
            Map.entry("kubeconfig show", "kubeconfig get"), Map.entry("kubeconfig write", "kubeconfig merge"),
            Map.entry("image load", "image import"));
    private static final Map<String, List<String>> TREE = Map.of("cluster",
            List.of("create", "list", "ls", "get", "start", "stop", "delete", "del", "rm"), "kubeconfig",
            List.of("get", "print", "show", "merge", "write"), "image", List.of("import", "load"), "version",
            List.of());

    private final FakeEnvironment env;
    private final DockerCli docker;
    private final K3dLog log;

    private FakeK3d(FakeEnvironment env) {
        this.env = env;
        this.docker = new DockerCli(env);
        this.log = new K3dLog(env);
    }

    public static void main(String[] args) {
        System.exit(new FakeK3d(FakeEnvironment.current()).run(List.of(args)));
    }

    int run(List<String> argv) {
        InvocationLog.append(env, "k3d", argv, configContent(argv));
        try {
            dispatch(argv);
            return 0;
        } catch (FakeKind.HelpShown e) {
            return 0;
        } catch (CobraArgs.UsageError e) {
            System.err.println("Error: " + e.getMessage());
            log.fatal(e.getMessage());
            return 1;
        } catch (K3dLog.Fatal e) {
            return 1;
        }
    }

    private void dispatch(List<String> argv) {
        List<String> path = new ArrayList<>();
        for (String a : argv) {
            if (a.startsWith("-")) {
                continue;
            }
            if (path.isEmpty() && TREE.containsKey(a)) {
                path.add(a);
                continue;
            }
            if (path.size() == 1 && TREE.get(path.getFirst()).contains(a)) {
                path.add(a);
            }
            break;
        }
        List<String> rest = new ArrayList<>(argv);
        path.forEach(rest::remove);
        String cmd = ALIASES.getOrDefault(String.join(" ", path), String.join(" ", path));
        switch (cmd) {
            case "cluster create" -> new K3dCreate(env, docker, log).run(parse(rest, K3dCreate.FLAGS));
            case "cluster list" -> list(parse(rest, List.of(Flag.string("output", "o", ""),
                    Flag.bool("no-headers", null, false), Flag.bool("token", null, false))));
            case "cluster start" -> startStop(parse(rest, List.of(Flag.bool("all", "a", false),
                    Flag.bool("wait", null, true), Flag.duration("timeout", "0s"))), true);
            case "cluster stop" -> startStop(parse(rest, List.of(Flag.bool("all", "a", false))), false);
            case "cluster delete" -> delete(parse(rest, List.of(Flag.bool("all", "a", false),
                    Flag.string("config", "c", ""))));
            case "kubeconfig get" -> kubeconfigGet(parse(rest, List.of(Flag.bool("all", "a", false))));
            case "kubeconfig merge" -> kubeconfigMerge(parse(rest, List.of(Flag.bool("all", "a", false),
                    Flag.string("output", "o", ""), Flag.bool("kubeconfig-merge-default", "d", false),
                    Flag.bool("update", "u", true), Flag.bool("kubeconfig-switch-context", "s", true),
                    Flag.bool("overwrite", null, false))));
            case "image import" -> new K3dImages(docker, log).run(parse(rest, List.of(Flag.array("cluster", "c"),
                    Flag.bool("keep-tarball", "k", false), Flag.bool("keep-tools", "t", false),
                    Flag.string("mode", "m", "tools-node"))));
            case "version" -> version(parse(rest, List.of(Flag.string("output", "o", ""))));
            case "" -> {
                CobraArgs.Parsed p = parse(rest, List.of(Flag.bool("version", null, false)));
                if (!p.positionals().isEmpty()) {
                    throw new CobraArgs.UsageError("unknown command \"" + p.positionals().getFirst()
                            + "\" for \"k3d\"");
                }
                if (p.bool("version")) {
                    printVersion();
                } else {
                    log.print(usage("k3d"));
                }
            }
            default -> {
                CobraArgs.Parsed p = parse(rest, List.of());
                if (!p.positionals().isEmpty()) {
                    throw new CobraArgs.UsageError("unknown command \"" + p.positionals().getFirst() + "\" for \"k3d "
                            + cmd + "\"");
                }
                log.print(usage("k3d " + cmd));
            }
        }
    }

    private void list(CobraArgs.Parsed p) {
        String output = p.string("output");
        if (!List.of("", "json", "yaml").contains(output)) {
            throw log.fatal("Unknown output format '" + output + "'");
        }
        List<K3dNodes.Cluster> clusters = select(p.positionals(), false, true);
        K3dList list = new K3dList(new K3dNodes(docker, log));
        switch (output) {
            case "json" -> log.print(Json.write(list.objects(clusters, p.bool("token"))) + "\n");
            case "yaml" -> log.print(Kubeconfigs.renderAny(list.objects(clusters, p.bool("token"))));
            default -> {
                Map<String, String> tokens = new LinkedHashMap<>();
                if (p.bool("token")) {
                    list.objects(clusters, true).forEach(c -> tokens.put((String) c.get("name"),
                            (String) c.get("clusterToken")));
                }
                log.print(K3dList.table(clusters, !p.bool("no-headers"), p.bool("token"), tokens));
            }
        }
    }

    private void startStop(CobraArgs.Parsed p, boolean start) {
        List<K3dNodes.Cluster> clusters = select(namesOrDefault(p), p.bool("all"), true);
        if (clusters.isEmpty()) {
            log.info("No clusters found");
            return;
        }
        for (K3dNodes.Cluster c : clusters) {
            if (start) {
                log.info("Starting cluster '" + c.name() + "'");
                for (String role : List.of("server", "agent", "loadbalancer")) {
                    log.info(switch (role) {
                        case "server" -> "Starting servers...";
                        case "agent" -> "Starting agents...";
                        default -> "Starting helpers...";
                    });
                    for (K3dNodes.NodeInfo n : c.role(role)) {
                        log.info("Starting node '" + n.name() + "'");
                        DockerCli.Result r = docker.run("start", n.name());
                        if (!r.ok()) {
                            throw log.fatal("Failed to start cluster '" + c.name() + "': runtime failed to start node '"
                                    + n.name() + "': docker failed to start container for node '" + n.name() + "': "
                                    + r.err().strip().lines().findFirst().orElse(""));
                        }
                    }
                }
                log.info("Started cluster '" + c.name() + "'");
            } else {
                log.info("Stopping cluster '" + c.name() + "'");
                int failed = 0;
                for (K3dNodes.NodeInfo n : c.nodes()) {
                    if (!docker.run("stop", n.name()).ok()) {
                        log.warn("Failed to stop node '" + n.name() + "': Try to stop it manually");
                        failed++;
                    }
                }
                if (failed > 0) {
                    throw log.fatal("Failed to stop " + failed + " nodes: Try to stop them manually");
                }
                log.info("Stopped cluster '" + c.name() + "'");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void delete(CobraArgs.Parsed p) {
        List<String> names = new ArrayList<>(p.positionals());
        if (!p.string("config").isEmpty()) {
            try {
                Object doc = Json.parse(Files.readString(Path.of(p.string("config"))));
                Object meta = doc instanceof Map<?, ?> m ? m.get("metadata") : null;
                if (meta instanceof Map<?, ?> mm && mm.get("name") instanceof String n) {
                    names.add(n);
                }
            } catch (IOException | RuntimeException e) {
                throw log.fatal("Failed to read config file " + p.string("config") + ": " + e.getMessage());
            }
        }
        if (names.isEmpty() && !p.bool("all")) {
            names.add("k3s-default");
        }
        Map<String, K3dNodes.Cluster> existing = new K3dNodes(docker, log).clusters();
        List<K3dNodes.Cluster> toDelete = new ArrayList<>();
        if (p.bool("all")) {
            toDelete.addAll(existing.values());
        } else {
            for (String n : names) {
                if (existing.containsKey(n)) {
                    toDelete.add(existing.get(n));
                } else {
                    log.info("No nodes found for cluster '" + n + "', nothing to delete.");
                }
            }
        }
        if (toDelete.isEmpty()) {
            log.info("No clusters found");
            return;
        }
        K3dDelete deleter = new K3dDelete(env, docker, log);
        for (K3dNodes.Cluster c : toDelete) {
            if (!deleter.deleteRuntime(c.name(), c.nodes().stream().map(K3dNodes.NodeInfo::name).toList())) {
                throw log.fatal("Failed to delete cluster '" + c.name() + "'");
            }
            deleter.cleanKubeconfigs(c.name());
            log.info("Successfully deleted cluster " + c.name() + "!");
        }
    }

    private void kubeconfigGet(CobraArgs.Parsed p) {
        if ((p.positionals().isEmpty() && !p.bool("all")) || (!p.positionals().isEmpty() && p.bool("all"))) {
            throw new CobraArgs.UsageError("Need to specify one or more cluster names *or* set `--all` flag");
        }
        List<K3dNodes.Cluster> clusters = select(p.positionals(), p.bool("all"), true);
        K3dKubeconfig kc = new K3dKubeconfig(env, docker, new K3dNodes(docker, log));
        List<String> docs = new ArrayList<>();
        for (K3dNodes.Cluster c : clusters) {
            Map<String, Object> doc = kc.get(c);
            if (doc == null) {
                throw log.fatal("Failed to get kubeconfig for cluster '" + c.name() + "'");
            }
            docs.add(Kubeconfigs.render(doc));
        }
        log.print(String.join("---\n", docs));
    }

    private void kubeconfigMerge(CobraArgs.Parsed p) {
        if (p.changed("output") && p.bool("kubeconfig-merge-default")) {
            throw log.fatal("Cannot use both '--output' and '--kubeconfig-merge-default' at the same time");
        }
        List<K3dNodes.Cluster> clusters = select(namesOrDefault(p), p.bool("all"), true);
        K3dKubeconfig kc = new K3dKubeconfig(env, docker, new K3dNodes(docker, log));
        List<String> written = new ArrayList<>();
        for (K3dNodes.Cluster c : clusters) {
            Map<String, Object> doc = kc.get(c);
            if (doc == null) {
                throw log.fatal("Failed to get kubeconfig for cluster '" + c.name() + "'");
            }
            String output = p.string("output");
            if (output.equals("-")) {
                log.print(Kubeconfigs.render(doc));
                continue;
            }
            try {
                Path target = !output.isEmpty() ? Path.of(output)
                        : p.bool("kubeconfig-merge-default") ? kc.defaultPath() : kc.standalonePath(c.name());
                if (!p.bool("update") && !p.bool("overwrite")
                        && Kubeconfigs.hasCluster(target, K3dKubeconfig.context(c.name()))) {
                    throw log.fatal("Failed to write kubeconfig for cluster '" + c.name() + "': Cluster '"
                            + K3dKubeconfig.context(c.name()) + "' already exists in target KubeConfig");
                }
                kc.merge(doc, target, p.bool("overwrite"), p.bool("kubeconfig-switch-context"), c.name());
                written.add(target.toString());
            } catch (IOException | IllegalStateException e) {
                throw log.fatal("Failed to write kubeconfig for cluster '" + c.name() + "': " + e.getMessage());
            }
        }
        if (!written.isEmpty()) {
            log.print(String.join(":", written) + "\n");
        }
    }

    private void version(CobraArgs.Parsed p) {
        if (!p.positionals().isEmpty()) {
            throw new CobraArgs.UsageError("unknown command \"" + p.positionals().getFirst() + "\" for \"k3d version\"");
        }
        if (p.string("output").equals("json")) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("k3d", K3dNodes.VERSION);
            v.put("k3s", K3dNodes.K3S_VERSION);
            log.print(Json.write(v) + "\n");
        } else if (p.string("output").isEmpty()) {
            printVersion();
        } else {
            throw log.fatal("Unknown output format '" + p.string("output") + "'");
        }
    }

    private void printVersion() {
        log.print("k3d version " + K3dNodes.VERSION + "\nk3s version " + K3dNodes.K3S_VERSION + " (default)\n");
    }

    /** Named clusters (each must exist) or all of them. */
    private List<K3dNodes.Cluster> select(List<String> names, boolean all, boolean mustExist) {
        Map<String, K3dNodes.Cluster> clusters = new K3dNodes(docker, log).clusters();
        if (all || names.isEmpty()) {
            return List.copyOf(clusters.values());
        }
        List<K3dNodes.Cluster> out = new ArrayList<>();
        for (String n : names) {
            if (!clusters.containsKey(n)) {
                if (mustExist) {
                    throw log.fatal("No nodes found for given cluster");
                }
                continue;
            }
            out.add(clusters.get(n));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    private static List<String> namesOrDefault(CobraArgs.Parsed p) {
        if (p.bool("all")) {
            return List.of();
        }
        return p.positionals().isEmpty() ? List.of("k3s-default") : p.positionals();
    }

    private CobraArgs.Parsed parse(List<String> rest, List<Flag> flags) {
        List<Flag> all = new ArrayList<>(GLOBAL);
        all.addAll(flags);
        CobraArgs.Parsed p = CobraArgs.parse(all, rest);
        if (p.help()) {
            log.print(usage("k3d"));
            throw new FakeKind.HelpShown();
        }
        return p;
    }

    private static String configContent(List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            String path = null;
            if ((a.equals("-c") || a.equals("--config")) && i + 1 < argv.size()) {
                path = argv.get(i + 1);
            } else if (a.startsWith("--config=")) {
                path = a.substring("--config=".length());
            }
            if (path != null && argv.contains("create")) {
                try {
                    return new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String usage(String command) {
        return "Usage:\n  " + command + " [command]\n\nUse \"" + command
                + " [command] --help\" for more information about a command.\n";
    }
}
