package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.stack.cluster.ClusterListener;
import dev.outpost.stack.cluster.ClusterManager;
import dev.outpost.stack.cluster.ClusterSpec;
import dev.outpost.stack.cluster.ClusterView;
import dev.outpost.stack.cluster.NodeInfo;
import dev.outpost.stack.settings.Settings;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outpost cluster …}: the kind and k3d clusters behind cluster environments. */
@Command(name = "cluster", description = "List, create, start, stop, delete and repair local kind and k3d clusters.",
        subcommands = {ClusterCommand.ListClusters.class, ClusterCommand.Create.class, ClusterCommand.Start.class,
            ClusterCommand.Stop.class, ClusterCommand.Delete.class, ClusterCommand.Kubeconfig.class,
            ClusterCommand.Repair.class})
final class ClusterCommand {
    private ClusterCommand() {
    }

    abstract static class Base extends ProfileCommand.Base {
        Base(AppServices services) {
            super(services);
        }

        ClusterManager clusters() {
            return services.environments().clusters();
        }

        ClusterListener progress() {
            if (output.json()) {
                return ClusterListener.NONE;
            }
            var err = spec.commandLine().getErr();
            return new ClusterListener() {
                @Override
                public void step(String step) {
                    err.println("  " + step);
                    err.flush();
                }
            };
        }

        static Map<String, Object> json(ClusterView c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("runtime", c.runtime().id());
            m.put("state", c.state().label());
            m.put("context", c.context());
            m.put("kubernetesVersion", c.kubernetesVersion().orElse(null));
            m.put("environment", c.environment().orElse(null));
            m.put("owned", c.owned().isPresent());
            m.put("repair", c.repairAction());
            m.put("nodes", c.nodes().stream().map(n -> Map.of("name", n.name(), "role", n.role(), "running", n.running())).toList());
            return m;
        }

        int print(ClusterView c) {
            if (output.json()) {
                out().println(Json.write(json(c)));
            } else {
                out().println(c.runtime().id() + " cluster " + c.name() + ": " + c.state().label() + " (context " + c.context() + ")");
                Table t = new Table("NODE", "ROLE", "STATE");
                for (NodeInfo n : c.nodes()) {
                    t.row(n.name(), n.role(), n.running() ? "running" : "stopped");
                }
                out().print(t.render());
            }
            return ExitCodes.OK;
        }
    }

    /** The commands that name one existing cluster. */
    abstract static class Named extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "The cluster's name.")
        String name;

        @Option(names = "--runtime", converter = RuntimeConverter.class, paramLabel = "kind|k3d",
                description = "Which tool's cluster, when both have one of that name.")
        Runtime runtime;

        Named(AppServices services) {
            super(services);
        }

        ClusterView target() throws InterruptedException {
            return clusters().resolve(name, Optional.ofNullable(runtime));
        }
    }

    @Command(name = "list", description = "Every kind and k3d cluster, with the ones Outpost owns that the engine lost.")
    static final class ListClusters extends Base {
        ListClusters(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            List<ClusterView> all = clusters().list();
            if (output.json()) {
                out().println(Json.write(all.stream().map(Base::json).toList()));
                return ExitCodes.OK;
            }
            if (all.isEmpty()) {
                out().println("No clusters.");
                return ExitCodes.OK;
            }
            Table t = new Table("NAME", "RUNTIME", "STATE", "NODES", "KUBERNETES", "ENVIRONMENT", "CONTEXT");
            for (ClusterView c : all) {
                long running = c.nodes().stream().filter(NodeInfo::running).count();
                t.row(c.name(), c.runtime().id(), c.state().label() + (c.repairAction().equals("none") ? "" : " (repair: "
                        + c.repairAction() + ")"), running + "/" + c.nodes().size(), c.kubernetesVersion().orElse("-"),
                        c.environment().orElse("-"), c.context());
            }
            out().print(t.render());
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", description = {"Create a cluster: API server and ports on 127.0.0.1, the registry mirror wired in.",
        "With --profile, shaped by that profile's spec.cluster."})
    static final class Create extends Base {
        @Parameters(index = "0", paramLabel = "NAME", arity = "0..1", description = "Cluster name; default: the profile's.")
        String name;

        @Option(names = "--runtime", converter = RuntimeConverter.class, paramLabel = "kind|k3d",
                description = "kind or k3d; default: the profile's.")
        Runtime runtime;

        @Option(names = "--profile", paramLabel = "PROFILE", description = "Take nodes, ports and Kubernetes version from this profile.")
        String profile;

        @Option(names = "--workers", paramLabel = "N", description = "Worker (kind) or agent (k3d) nodes.")
        Integer workers;

        @Option(names = "--kubernetes-version", paramLabel = "vX.Y.Z", description = "Node image version.")
        String kubernetesVersion;

        Create(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            Settings s = settings();
            Optional<Plan.Cluster> fromProfile = Optional.empty();
            Runtime chosen = runtime;
            if (profile != null) {
                Plan plan = catalog().resolve(catalog().load(), profile, new ResolveOptions(s.registryMirror(), s.defaultRuntime()));
                if (!plan.runtime().needsCluster() && runtime == null) {
                    throw new IllegalArgumentException(profile + " runs on " + plan.runtime().id() + ", not a cluster: pass --runtime kind|k3d");
                }
                fromProfile = plan.cluster();
                chosen = runtime != null ? runtime : plan.runtime();
            }
            if (chosen == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say which tool with --runtime kind|k3d (or --profile)");
            }
            if (!chosen.needsCluster()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runtime must be kind or k3d");
            }
            String clusterName = name != null ? name : fromProfile.map(Plan.Cluster::name).orElse(null);
            if (clusterName == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give the cluster a NAME (or --profile)");
            }
            Optional<Plan.Cluster> shape = fromProfile;
            ClusterSpec clusterSpec = new ClusterSpec(clusterName,
                    kubernetesVersion != null ? Optional.of(kubernetesVersion) : fromProfileVersion(shape),
                    workers != null ? workers : shape.map(Plan.Cluster::workers).orElse(0),
                    shape.map(ClusterCommand::ports).orElse(List.of()),
                    Optional.ofNullable(s.registryMirror()).filter(m -> !m.isBlank()));
            return print(clusters().create(chosen, clusterSpec, "", progress()));
        }

        private static Optional<String> fromProfileVersion(Optional<Plan.Cluster> c) {
            return c.map(Plan.Cluster::kubernetesVersion).filter(v -> v != null && !v.isBlank());
        }
    }

    static List<ClusterSpec.PortMapping> ports(Plan.Cluster c) {
        return c.ports().stream().map(p -> new ClusterSpec.PortMapping(p.hostPort(), p.containerPort())).toList();
    }

    @Command(name = "start", description = "Start a stopped cluster and wait until its API server answers.")
    static final class Start extends Named {
        Start(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            ClusterView c = target();
            clusters().start(c.runtime(), c.name(), progress());
            return print(clusters().find(c.runtime(), c.name()).orElseThrow());
        }
    }

    @Command(name = "stop", description = "Stop a cluster's node containers; everything in it is kept.")
    static final class Stop extends Named {
        Stop(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            ClusterView c = target();
            clusters().stop(c.runtime(), c.name(), progress());
            return print(clusters().find(c.runtime(), c.name()).orElseThrow());
        }
    }

    @Command(name = "delete", description = "Delete a cluster, everything in it, its files, and its context from your kubeconfig.")
    static final class Delete extends Named {
        Delete(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            ClusterView c = target();
            clusters().delete(c.runtime(), c.name(), progress());
            if (output.json()) {
                out().println(Json.write(Map.of("name", c.name(), "runtime", c.runtime().id(), "deleted", true)));
            } else {
                out().println(c.runtime().id() + " cluster " + c.name() + " deleted");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "kubeconfig", description = {"Where the cluster's kubeconfig is (Outpost's own, mode 0600).",
        "--merge adds its context (kind-NAME / k3d-NAME) to KUBECONFIG or ~/.kube/config."})
    static final class Kubeconfig extends Named {
        @Option(names = "--merge", description = "Merge the context into your kubeconfig.")
        boolean merge;

        @Option(names = "--switch", description = "With --merge: make it the current context.")
        boolean switchContext;

        @Option(names = "--print", description = "Print the kubeconfig itself instead of its path.")
        boolean print;

        Kubeconfig(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            ClusterView c = target();
            java.nio.file.Path file = clusters().kubeconfig(c.runtime(), c.name());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("path", file.toString());
            json.put("context", c.context());
            if (merge) {
                clusters().mergeIntoUserKubeconfig(c.runtime(), c.name(), switchContext);
                json.put("mergedInto", clusters().userKubeconfig().toString());
            }
            if (output.json()) {
                out().println(Json.write(json));
            } else if (print) {
                out().print(Files.readString(file));
            } else {
                out().println(file);
                if (merge) {
                    spec.commandLine().getErr().println("context " + c.context() + " merged into " + json.get("mergedInto")
                            + (switchContext ? " and made current" : ""));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "repair", description = {"Bring an Outpost cluster back after a reboot or engine restart:",
        "start stopped nodes, or create a lost cluster again and re-deploy its environment."})
    static final class Repair extends Named {
        Repair(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            ClusterView c = target();
            String action = clusters().repair(c.runtime(), c.name(), progress());
            if (action.equals("recreate") && c.environment().isPresent()) {
                // A new cluster is empty: deploy the environment it held, from its profile as it is now.
                Settings s = settings();
                Plan plan = catalog().resolve(catalog().load(), c.environment().get(),
                        new ResolveOptions(s.registryMirror(), s.defaultRuntime()));
                services.environments().clusterEngine().up(plan,
                        dev.outpost.stack.environment.UpOptions.defaults().withRegistryMirror(s.registryMirror()),
                        dev.outpost.stack.environment.UpListener.NONE);
                services.environments().clusterEngine().closeAll();
            }
            ClusterView after = clusters().find(c.runtime(), c.name()).orElseThrow();
            if (output.json()) {
                Map<String, Object> json = json(after);
                json.put("action", action);
                out().println(Json.write(json));
                return ExitCodes.OK;
            }
            spec.commandLine().getErr().println(switch (action) {
                case "start" -> "started the stopped nodes";
                case "recreate" -> "created the cluster again" + after.environment().map(e -> " and re-deployed " + e).orElse("");
                default -> "nothing to repair";
            });
            return print(after);
        }
    }
}
