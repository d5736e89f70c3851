package dev.outpost.stack.cluster.fake;

import dev.outpost.stack.cluster.fake.CobraArgs.Flag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the {@code kind} v0.32.0 executable (see /work/shared/reference/kind.md and docs/cluster-doubles.md):
 * same commands, flags, stdout/stderr split, messages and exit codes, with all state in the Docker engine.
 */
public final class FakeKind {
    static final String VERSION = "0.32.0";
    private static final List<Flag> GLOBAL = List.of(Flag.int32("verbosity", "v", 0), Flag.bool("quiet", "q", false),
            Flag.string("loglevel", null, ""));
    private static final Map<String, List<String>> COMMANDS = Map.of("create", List.of("cluster"), "delete",
            List.of("cluster"), "get", List.of("clusters", "nodes", "kubeconfig"), "export", List.of("kubeconfig"),
            "load", List.of("docker-image"), "version", List.of());

    private final FakeEnvironment env;
    private final DockerCli docker;
    private KindLogger log = new KindLogger(false);

    private FakeKind(FakeEnvironment env) {
        this.env = env;
        this.docker = new DockerCli(env);
    }

    public static void main(String[] args) {
        System.exit(new FakeKind(FakeEnvironment.current()).run(List.of(args)));
    }

    int run(List<String> argv) {
        String stdinConfig = null;
        String configContent = null;
        int configAt = configFlagIndex(argv);
        if (configAt >= 0) {
            String path = configValue(argv, configAt);
            try {
                configContent = path.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(path));
                stdinConfig = path.equals("-") ? configContent : null;
            } catch (IOException e) {
                configContent = null;
            }
        }
        InvocationLog.append(env, "kind", argv, configContent);
        boolean quiet = argv.contains("-q") || argv.contains("--quiet") || argv.contains("--quiet=true");
        log = new KindLogger(quiet);
        try {
            dispatch(argv, stdinConfig);
            return 0;
        } catch (HelpShown e) {
            return 0;
        } catch (CobraArgs.UsageError e) {
            log.error(new KindError(e.getMessage()));
            return 1;
        } catch (KindError e) {
            log.error(e);
            return 1;
        }
    }

    private void dispatch(List<String> argv, String stdinConfig) {
        List<String> path = commandPath(argv);
        List<String> rest = new ArrayList<>(argv);
        path.forEach(rest::remove);
        String cmd = String.join(" ", path);
        switch (cmd) {
            case "" -> root(rest);
            case "create cluster" -> createCluster(rest, stdinConfig);
            case "delete cluster" -> deleteCluster(rest);
            case "get clusters" -> getClusters(rest);
            case "get nodes" -> getNodes(rest);
            case "get kubeconfig" -> getKubeconfig(rest);
            case "export kubeconfig" -> exportKubeconfig(rest);
            case "load docker-image" -> {
                CobraArgs.Parsed p = parse(rest, KindLoad.FLAGS);
                new KindLoad(docker, log).run(p.positionals(), nameOf(p), split(p.string("nodes")));
            }
            case "version" -> version(rest);
            default -> {
                // a group without (or with an unknown) sub-command: cobra's NoArgs error for that group
                CobraArgs.Parsed p = parse(rest, List.of());
                if (!p.positionals().isEmpty()) {
                    throw new CobraArgs.UsageError("unknown command \"" + p.positionals().getFirst() + "\" for \"kind "
                            + cmd + "\"");
                }
                log.print(usage("kind " + cmd));
            }
        }
    }

    private void root(List<String> rest) {
        List<Flag> flags = new ArrayList<>(List.of(Flag.bool("version", null, false)));
        CobraArgs.Parsed p = parse(rest, flags);
        if (!p.positionals().isEmpty()) {
            throw new CobraArgs.UsageError("unknown command \"" + p.positionals().getFirst() + "\" for \"kind\"");
        }
        if (p.bool("version")) {
            log.print("kind version " + VERSION + "\n");
            return;
        }
        log.print(usage("kind"));
    }

    private void createCluster(List<String> rest, String stdinConfig) {
        CobraArgs.Parsed p = parse(rest, List.of(Flag.string("name", "n", ""), Flag.string("config", null, ""),
                Flag.string("image", null, ""), Flag.bool("retain", null, false), Flag.duration("wait", "0s"),
                Flag.string("kubeconfig", null, "")));
        noArgs(p, "kind create cluster");
        String name = p.changed("name") ? p.string("name") : env.get("KIND_CLUSTER_NAME").orElse("");
        String configText = null;
        String config = p.string("config");
        if (!config.isEmpty()) {
            if (config.equals("-")) {
                configText = stdinConfig == null ? "" : stdinConfig;
            } else {
                try {
                    configText = Files.readString(Path.of(config));
                } catch (NoSuchFileException e) {
                    throw new KindError("failed to create cluster: error reading file: open " + config
                            + ": no such file or directory");
                } catch (IOException e) {
                    throw new KindError("failed to create cluster: error reading file: open " + config + ": "
                            + e.getMessage());
                }
            }
        }
        new KindCreate(env, docker, log).run(new KindCreate.Options(name, configText, p.string("image"),
                p.bool("retain"), p.duration("wait"), p.string("kubeconfig")));
    }

    private void deleteCluster(List<String> rest) {
        CobraArgs.Parsed p = parse(rest, List.of(Flag.string("name", "n", "kind"),
                Flag.string("kubeconfig", null, "")));
        noArgs(p, "kind delete cluster");
        String name = nameOf(p);
        log.info("Deleting cluster \"" + name + "\" ...");
        KindNodes nodes = new KindNodes(docker);
        List<String> existing;
        try {
            existing = nodes.list(name);
        } catch (KindError e) {
            throw e.wrap("error listing nodes").wrap("failed to delete cluster \"" + name + "\"");
        }
        KindError kerr = null;
        try {
            new KindKubeconfig(docker, nodes, env).remove(name, p.string("kubeconfig"));
        } catch (KindError e) {
            log.info("failed to update kubeconfig: " + e.getMessage());
            kerr = e;
        }
        if (!existing.isEmpty()) {
            try {
                nodes.delete(existing);
            } catch (KindError e) {
                throw e.wrap("failed to delete cluster \"" + name + "\"");
            }
            log.info("Deleted nodes: [" + String.join(" ", existing.stream().map(n -> "\"" + n + "\"").toList())
                    + "]");
        }
        if (kerr != null) {
            throw kerr.wrap("failed to delete cluster \"" + name + "\"");
        }
    }

    private void getClusters(List<String> rest) {
        noArgs(parse(rest, List.of()), "kind get clusters");
        List<String> clusters = new KindNodes(docker).clusters();
        if (clusters.isEmpty()) {
            log.info("No kind clusters found.");
            return;
        }
        clusters.forEach(c -> log.print(c + "\n"));
    }

    private void getNodes(List<String> rest) {
        CobraArgs.Parsed p = parse(rest, List.of(Flag.string("name", "n", "kind"),
                Flag.bool("all-clusters", "A", false)));
        noArgs(p, "kind get nodes");
        KindNodes nodes = new KindNodes(docker);
        boolean all = p.bool("all-clusters");
        List<String> found = all ? nodes.listAll() : nodes.list(nameOf(p));
        if (found.isEmpty()) {
            log.info(all ? "No kind nodes for any cluster." : "No kind nodes found for cluster \"" + nameOf(p)
                    + "\".");
            return;
        }
        found.forEach(n -> log.print(n + "\n"));
    }

    private void getKubeconfig(List<String> rest) {
        CobraArgs.Parsed p = parse(rest, List.of(Flag.string("name", "n", "kind"), Flag.bool("internal", null,
                false)));
        noArgs(p, "kind get kubeconfig");
        KindNodes nodes = new KindNodes(docker);
        Map<String, Object> doc = new KindKubeconfig(docker, nodes, env).read(nameOf(p), p.bool("internal"));
        log.print(Kubeconfigs.render(doc) + "\n");
    }

    private void exportKubeconfig(List<String> rest) {
        CobraArgs.Parsed p = parse(rest, List.of(Flag.string("name", "n", "kind"),
                Flag.string("kubeconfig", null, ""), Flag.bool("internal", null, false)));
        noArgs(p, "kind export kubeconfig");
        new KindKubeconfig(docker, new KindNodes(docker), env).export(nameOf(p), p.string("kubeconfig"),
                p.bool("internal"));
        log.info("Set kubectl context to \"" + KindKubeconfig.contextName(nameOf(p)) + "\"");
    }

    private void version(List<String> rest) {
        CobraArgs.Parsed p = parse(rest, List.of());
        noArgs(p, "kind version");
        if (p.bool("quiet")) {
            log.print(VERSION + "\n");
            return;
        }
        log.print("kind v" + VERSION + " go1.25.1 " + os() + "/" + arch() + "\n");
    }

    /** --name, else KIND_CLUSTER_NAME (kind overrides the flag default with it), else "kind". */
    private String nameOf(CobraArgs.Parsed p) {
        return p.changed("name") ? p.string("name") : env.get("KIND_CLUSTER_NAME").orElse("kind");
    }

    private CobraArgs.Parsed parse(List<String> rest, List<Flag> flags) {
        List<Flag> all = new ArrayList<>(GLOBAL);
        all.addAll(flags);
        CobraArgs.Parsed p = CobraArgs.parse(all, rest);
        if (p.help()) {
            log.print(usage("kind"));
            throw new HelpShown();
        }
        return p;
    }

    private static void noArgs(CobraArgs.Parsed p, String command) {
        if (!p.positionals().isEmpty()) {
            throw new CobraArgs.UsageError("unknown command \"" + p.positionals().getFirst() + "\" for \"" + command
                    + "\"");
        }
    }

    /** The sub-command words, found the way cobra does: skipping flags (and the values of value-taking globals). */
    private static List<String> commandPath(List<String> argv) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("-")) {
                if (List.of("-v", "--verbosity", "--loglevel").contains(a)) {
                    i++;
                }
                continue;
            }
            if (words.isEmpty() && COMMANDS.containsKey(a)) {
                words.add(a);
            } else if (words.size() == 1 && COMMANDS.get(words.getFirst()).contains(a)) {
                words.add(a);
                break;
            } else {
                break;
            }
        }
        return words;
    }

    private static int configFlagIndex(List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals("--config") || argv.get(i).startsWith("--config=")) {
                return i;
            }
        }
        return -1;
    }

    private static String configValue(List<String> argv, int i) {
        String a = argv.get(i);
        if (a.startsWith("--config=")) {
            return a.substring("--config=".length());
        }
        return i + 1 < argv.size() ? argv.get(i + 1) : "";
    }

    private static String usage(String command) {
        return "Usage:\n  " + command + " [command]\n\nUse \"" + command
                + " [command] --help\" for more information about a command.\n";
    }

    static String os() {
        String os = System.getProperty("os.name").toLowerCase();
        return os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    }

    static String arch() {
        String a = System.getProperty("os.arch");
        return switch (a) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> a;
        };
    }

    /** --help was given: usage printed, exit 0. */
    static final class HelpShown extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
