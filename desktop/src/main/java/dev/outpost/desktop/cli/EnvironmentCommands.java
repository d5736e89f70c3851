package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.stack.environment.EnvironmentRuntime;
import dev.outpost.stack.environment.EnvironmentStatus;
import dev.outpost.stack.environment.ServiceStatus;
import dev.outpost.stack.environment.UpListener;
import dev.outpost.stack.environment.UpOptions;
import dev.outpost.stack.settings.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** up, status, stop, start, down, logs, env: environments as containers or in a local cluster. */
final class EnvironmentCommands {
    private EnvironmentCommands() {
    }

    /** Shared by the commands that take a profile. */
    abstract static class WithProfile extends ProfileCommand.Base {
        @Parameters(index = "0", paramLabel = "PROFILE", description = "The profile (and environment) name.")
        String profile;

        WithProfile(AppServices services) {
            super(services);
        }

        /** Where the named environment runs now: its cluster, or containers. */
        EnvironmentRuntime engine() {
            return services.environments().forEnvironment(profile);
        }

        EnvironmentRuntime engineFor(Plan plan) {
            return services.environments().forPlan(plan);
        }

        Plan plan() throws Exception {
            Settings s = settings();
            return catalog().resolve(catalog().load(), profile, new ResolveOptions(s.registryMirror(), s.defaultRuntime()));
        }

        UpOptions upOptions(boolean keep) throws java.io.IOException {
            return new UpOptions(keep).withRegistryMirror(settings().registryMirror());
        }

        /**
         * Port-forwards to a cluster live as long as a process holds them: after a cluster up the CLI keeps
         * forwarding until Ctrl+C (the environment keeps running), unless --detach.
         */
        int holdForwards(Plan plan, boolean detach) throws InterruptedException {
            if (!plan.runtime().needsCluster()) {
                return ExitCodes.OK;
            }
            var engine = services.environments().clusterEngine();
            var err = spec.commandLine().getErr();
            if (detach || engine.forwards(plan.profile()).isEmpty()) {
                err.println("Ports are forwarded while `outpost up " + plan.profile() + "` or the Outpost window runs.");
                engine.closeAll();
                return ExitCodes.OK;
            }
            engine.forwards(plan.profile()).forEach(f -> err.println("  forwarding " + f.local().getHostString() + ":"
                    + f.local().getPort() + " -> " + f.service() + " " + f.portName() + " (pod " + f.pod() + ")"));
            err.println("Forwarding; press Ctrl+C to stop forwarding (the environment keeps running).");
            err.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(engine::closeAll, "outpost-forwards"));
            Thread.currentThread().join();
            return ExitCodes.OK;
        }

        UpListener progress() {
            if (output.json()) {
                return UpListener.NONE;
            }
            var err = spec.commandLine().getErr();
            return (service, step, detail) -> err.printf("  %-12s %-12s %s%n", service, step.name().toLowerCase(),
                    detail == null ? "" : detail);
        }

        /**
         * Ctrl+C during an up interrupts it, and the JVM waits (boundedly) while it rolls back what it created,
         * rather than leaving half an environment behind.
         */
        EnvironmentStatus cancellableOnCtrlC(java.util.concurrent.Callable<EnvironmentStatus> up) throws Exception {
            Thread worker = Thread.currentThread();
            java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
            Thread hook = new Thread(() -> {
                spec.commandLine().getErr().println("outpost: cancelling; removing what this up created…");
                worker.interrupt();
                try {
                    finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "outpost-cancel-up");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return up.call();
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it is what interrupted us
                }
            }
        }

        int printStatus(EnvironmentStatus st, Map<String, Map<String, String>> connections) {
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", st.name());
                json.put("state", st.state());
                if (st.cluster() != null) {
                    json.put("cluster", st.cluster());
                }
                json.put("services", st.services());
                if (connections != null) {
                    json.put("connections", connections.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().entrySet().stream().collect(java.util.stream.Collectors
                                    .toMap(Map.Entry::getKey, v -> dev.outpost.stack.secrets.Redaction.redact(v.getValue()),
                                            (a, b) -> a, LinkedHashMap::new)), (a, b) -> a, LinkedHashMap::new)));
                }
                out().println(Json.write(json));
                return ExitCodes.OK;
            }
            out().println(st.name() + ": " + st.state());
            if (st.cluster() != null) {
                var c = st.cluster();
                out().println("  " + c.runtime() + " cluster " + c.name() + ": " + c.state() + ", " + c.nodes().size() + " node(s)"
                        + (c.kubernetesVersion().isEmpty() ? "" : ", Kubernetes " + c.kubernetesVersion()) + ", context " + c.context()
                        + " (kubeconfig " + c.kubeconfig() + ")");
            }
            Table t = new Table("SERVICE", "STATE", "PORTS", "IMAGE");
            for (ServiceStatus s : st.services()) {
                t.row(s.name(), s.state(), String.join(", ", s.ports()), s.image());
            }
            out().print(t.render());
            if (connections != null) {
                // Secrets stay off the terminal (and out of scrollback and screen shares); `outpost env` prints them.
                connections.forEach((svc, c) -> c.forEach((k, v) -> out().printf("  %s %s: %s%n", svc, k,
                        dev.outpost.stack.secrets.Redaction.redact(v))));
                out().println("  (passwords masked: outpost env " + st.name() + " prints them)");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "up", description = {"Start a profile's services: as containers, or in a local kind/k3d cluster "
            + "(created or started as needed) with its ports forwarded.", "Waits until ready. Ports bind 127.0.0.1. "
            + "A running environment is reconciled. A failure rolls back."})
    static final class Up extends WithProfile {
        @Option(names = "--keep-on-failure", description = "Leave what a failed up created, for inspection.")
        boolean keep;

        @Option(names = {"-d", "--detach"}, description = "Cluster profiles: return once ready instead of forwarding ports.")
        boolean detach;

        Up(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            Plan plan = plan();
            EnvironmentRuntime runtime = engineFor(plan);
            UpOptions options = upOptions(keep);
            EnvironmentStatus st = cancellableOnCtrlC(() -> runtime.up(plan, options, progress()));
            printStatus(st, services.environments().connections(plan));
            return holdForwards(plan, detach || output.json());
        }
    }

    @Command(name = "status", description = "The environment's services as the engine reports them; with no profile, all.")
    static final class Status extends ProfileCommand.Base {
        @Parameters(paramLabel = "PROFILE", arity = "0..1")
        String profile;

        Status(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() {
            List<EnvironmentStatus> all = profile == null ? services.environments().listAll()
                    : List.of(services.environments().forEnvironment(profile).status(profile));
            if (output.json()) {
                out().println(Json.write(profile == null ? all : all.getFirst()));
                return ExitCodes.OK;
            }
            if (all.isEmpty()) {
                out().println("No environments.");
            }
            Table t = new Table("ENVIRONMENT", "STATE", "SERVICES");
            all.forEach(e -> t.row(e.name(), e.state(), String.join(", ", e.services().stream()
                    .map(s -> s.name() + " (" + s.state() + ")").toList())));
            out().print(t.render());
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", description = "Stop the environment's containers; data is kept.")
    static final class Stop extends WithProfile {
        Stop(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws InterruptedException {
            return printStatus(engine().stop(profile), null);
        }
    }

    @Command(name = "start", description = "Start a stopped environment again and wait until it is ready.")
    static final class Start extends WithProfile {
        @Option(names = {"-d", "--detach"}, description = "Cluster profiles: return once ready instead of forwarding ports.")
        boolean detach;

        Start(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            Plan plan = plan();
            EnvironmentRuntime runtime = engineFor(plan);
            UpOptions options = upOptions(false);
            printStatus(cancellableOnCtrlC(() -> runtime.up(plan, options, progress())), services.environments().connections(plan));
            return holdForwards(plan, detach || output.json());
        }
    }

    @Command(name = "down", description = {"Remove the environment's containers and network; volumes are kept unless --purge.",
        "Cluster environments: workloads are removed and the cluster stopped, data kept; --purge deletes the cluster."})
    static final class Down extends WithProfile {
        @Option(names = "--purge", description = "Also delete the volumes: the environment's data is lost.")
        boolean purge;

        Down(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws InterruptedException {
            engine().down(profile, purge);
            if (output.json()) {
                out().println(Json.write(Map.of("name", profile, "removed", true, "volumesRemoved", purge)));
            } else {
                out().println(profile + " removed" + (purge ? " with its data" : "; its data volumes are kept"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "logs", description = "The last log lines of one service, or of all.")
    static final class Logs extends WithProfile {
        @Parameters(index = "1", paramLabel = "SERVICE", arity = "0..1")
        String service;

        @Option(names = {"-n", "--tail"}, defaultValue = "100", description = "How many lines (default ${DEFAULT-VALUE}).")
        int tail;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted (Ctrl+C).")
        boolean follow;

        @Option(names = "--events", description = "Cluster environments: the service's Kubernetes events instead of its log.")
        boolean events;

        Logs(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws InterruptedException {
            EnvironmentStatus st = engine().status(profile);
            List<String> names = service != null ? List.of(service) : st.services().stream().map(ServiceStatus::name).toList();
            if (events) {
                Map<String, List<String>> byService = new LinkedHashMap<>();
                names.forEach(n -> byService.put(n, engine().events(profile, n)));
                if (output.json()) {
                    out().println(Json.write(byService));
                } else {
                    byService.forEach((n, lines) -> lines.forEach(l -> out().println(names.size() > 1 ? n + " | " + l : l)));
                }
                return ExitCodes.OK;
            }
            if (follow) {
                var out = out();
                List<java.io.Closeable> streams = new java.util.ArrayList<>();
                for (String n : names) {
                    String prefix = names.size() > 1 ? n + " | " : "";
                    streams.add(engine().followLogs(profile, n, tail, line -> {
                        synchronized (out) {
                            out.println(prefix + line);
                            out.flush();
                        }
                    }));
                }
                // Streams end when their containers stop; Ctrl+C ends the JVM and them with it.
                Thread.currentThread().join();
                return ExitCodes.OK;
            }
            Map<String, List<String>> logs = new LinkedHashMap<>();
            for (String n : names) {
                logs.put(n, engine().logs(profile, n, tail));
            }
            if (output.json()) {
                out().println(Json.write(logs));
            } else {
                logs.forEach((n, lines) -> lines.forEach(l -> out().println(names.size() > 1 ? n + " | " + l : l)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "env", description = "Connection strings as a .env file (KEY=value), secrets filled in.")
    static final class Env extends WithProfile {
        Env(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            Plan plan = plan();
            if (output.json()) {
                out().println(Json.write(services.environments().connections(plan)));
            } else {
                services.environments().dotEnv(plan).forEach(out()::println);
            }
            return ExitCodes.OK;
        }
    }
}
