package dev.outpost.stack.cluster.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code kind create cluster}: kind's check order (docker info, already-exists, validate), its status lines, node
 * containers named and labelled as kind names them, its rollback ({@code --retain} keeps the nodes) and the
 * kubeconfig export. The containers run a shell that sleeps, not Kubernetes.
 */
final class KindCreate {
    static final String NODE_SCRIPT = "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done";
    private static final List<String> SALUTATIONS = List.of("Have a nice day! 👋", "Thanks for using kind! 😊",
            "Not sure what to do next? 😅  Check out https://kind.sigs.k8s.io/docs/user/quick-start/",
            "Have a question, bug, or feature request? Let us know! https://kind.sigs.k8s.io/#community 🙂");

    record Options(String name, String configText, String image, boolean retain, Duration waitFor, String kubeconfig) {
    }

    private record PlannedNode(String name, String role, List<String> runArgs) {
    }

    private final FakeEnvironment env;
    private final DockerCli docker;
    private final KindNodes nodes;
    private final KindKubeconfig kubeconfig;
    private final KindLogger log;

    KindCreate(FakeEnvironment env, DockerCli docker, KindLogger log) {
        this.env = env;
        this.docker = docker;
        this.nodes = new KindNodes(docker);
        this.kubeconfig = new KindKubeconfig(docker, nodes, env);
        this.log = log;
    }

    void run(Options o) {
        try {
            create(o);
        } catch (KindError e) {
            throw e.wrap("failed to create cluster");
        } catch (KindConfig.ConfigError e) {
            throw new KindError("failed to create cluster: " + e.getMessage());
        }
    }

    private void create(Options o) {
        Map<String, Object> doc = o.configText() == null ? KindConfig.defaultDocument() : KindConfig.parse(
                o.configText());
        DockerCli.Result info = docker.run("info", "--format", "{{json .}}");
        if (!info.ok()) {
            throw KindError.of(info).wrap("failed to get docker info");
        }
        KindConfig.Cluster cluster = KindConfig.resolve(doc, o.name(), o.image());
        if (!nodes.list(cluster.name()).isEmpty()) {
            throw new KindError("node(s) already exist for a cluster with the name \"" + cluster.name() + "\"");
        }
        if (cluster.name().length() > 50) {
            log.warn("cluster name \"" + cluster.name()
                    + "\" is probably too long, this might not work properly on some systems");
        }
        KindConfig.validate(cluster);
        log.info("Creating cluster \"" + cluster.name() + "\" ...\n");
        try {
            provision(cluster);
            actions(cluster, o);
        } catch (KindError e) {
            if (!o.retain()) {
                rollback(cluster.name(), o.kubeconfig());
            }
            throw e;
        }
        kubeconfig.export(cluster.name(), o.kubeconfig(), false);
        String ctx = KindKubeconfig.contextName(cluster.name());
        String sample = "kubectl cluster-info --context " + ctx;
        if (o.kubeconfig() != null && !o.kubeconfig().isEmpty()) {
            sample += " --kubeconfig " + DockerCli.quote(o.kubeconfig());
        }
        log.info("Set kubectl context to \"" + ctx + "\"");
        log.info("You can now use your cluster with:\n\n" + sample);
        log.info("");
        log.info(SALUTATIONS.get(ThreadLocalRandom.current().nextInt(SALUTATIONS.size())));
    }

    private void provision(KindConfig.Cluster cluster) {
        for (String image : new LinkedHashSet<>(cluster.nodes().stream().map(KindConfig.NodeSpec::image).toList())) {
            String shown = image.contains("@sha256:") ? image.substring(0, image.indexOf("@sha256:")) : image;
            String text = "Ensuring node image (" + shown + ") 🖼";
            log.statusStart(text);
            DockerCli.Result present = docker.run("image", "inspect", env.nodeImage());
            if (!present.ok()) {
                log.statusEnd(text, false);
                DockerCli.Result pull = new DockerCli.Result(List.of("docker", "pull", image), 1, "",
                        present.err());
                throw KindError.of(pull).wrap("failed to pull image \"" + image + "\"");
            }
            log.statusEnd(text, true);
        }
        ensureNetwork();
        String text = "Preparing nodes " + "📦 ".repeat(cluster.nodes().size());
        log.statusStart(text);
        try {
            List<PlannedNode> planned = plan(cluster);
            List<Thread> threads = new ArrayList<>();
            Map<PlannedNode, DockerCli.Result> results = new java.util.concurrent.ConcurrentHashMap<>();
            for (PlannedNode p : planned) {
                threads.add(Thread.ofVirtual().start(() -> results.put(p, docker.run(p.runArgs()))));
            }
            for (Thread t : threads) {
                t.join();
            }
            for (PlannedNode p : planned) {
                if (!results.get(p).ok()) {
                    throw KindError.of(results.get(p));
                }
            }
        } catch (KindError e) {
            log.statusEnd(text, false);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KindError("interrupted");
        }
        log.statusEnd(text, true);
    }

    private void actions(KindConfig.Cluster cluster, Options o) {
        long controlPlanes = cluster.count("control-plane");
        String name = cluster.name();
        if (controlPlanes > 1) {
            step("Configuring the external load balancer ⚖️", null, name);
        }
        String bootstrap = name + "-control-plane";
        log.statusStart("Writing configuration 📜");
        try {
            kubeconfig.writeAdminConf(bootstrap, name, Credentials.generate("kubernetes-admin",
                    "kubeadm:cluster-admins"));
        } catch (KindError e) {
            log.statusEnd("Writing configuration 📜", false);
            throw e;
        }
        log.statusEnd("Writing configuration 📜", true);
        step("Starting control-plane 🕹️", "kubeadm-init", name);
        if (!cluster.disableDefaultCNI()) {
            step("Installing CNI 🔌", "install-cni", name);
        }
        step("Installing StorageClass 💾", "install-storage", name);
        if (controlPlanes > 1) {
            step("Joining more control-plane nodes 🎮", "join-control-planes", name);
        }
        if (cluster.count("worker") > 0) {
            step("Joining worker nodes 🚜", "join-workers", name);
        }
        if (o.waitFor().compareTo(Duration.ZERO) > 0) {
            String text = "Waiting ≤ " + GoDuration.format(o.waitFor()) + " for control-plane = Ready ⏳";
            log.statusStart(text);
            if (env.failAt().filter("wait-ready"::equals).isPresent()) {
                log.statusEnd(text, false);
                log.info(" • WARNING: Timed out waiting for Ready ⚠️");
            } else {
                log.statusEnd(text, true);
                log.info(" • Ready after 0s 💚");
            }
        }
    }

    /** One kubeadm-style action; fails (with kind's wording) when the fake is told to fail at {@code failId}. */
    private void step(String text, String failId, String cluster) {
        log.statusStart(text);
        if (failId != null && env.failAt().filter(failId::equals).isPresent()) {
            log.statusEnd(text, false);
            throw injectedFailure(failId, cluster);
        }
        log.statusEnd(text, true);
    }

    private static KindError injectedFailure(String failId, String cluster) {
        String cp = cluster + "-control-plane";
        return switch (failId) {
            case "kubeadm-init" -> new KindError("failed to init node with kubeadm: command \"docker exec "
                    + "--privileged " + cp + " kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf "
                    + "--skip-token-print --v=6\" failed with error: exit status 1",
                    "[init] Using Kubernetes version: v1.36.1\n[wait-control-plane] Waiting for the kubelet to boot "
                            + "up the control plane as static Pods\nerror execution phase wait-control-plane: "
                            + "couldn't initialize a Kubernetes cluster\n");
            case "install-cni" -> new KindError("failed to apply overlay network: command \"docker exec "
                    + "--privileged " + cp + " kubectl create --kubeconfig=/etc/kubernetes/admin.conf -f -\" failed "
                    + "with error: exit status 1", "error: no objects passed to create\n");
            case "install-storage" -> new KindError("failed to add default storage class: command \"docker exec "
                    + "--privileged -i " + cp + " kubectl --kubeconfig=/etc/kubernetes/admin.conf apply -f -\" "
                    + "failed with error: exit status 1", "error: no objects passed to apply\n");
            default -> new KindError("failed to join node with kubeadm: command \"docker exec --privileged "
                    + cluster + "-worker kubeadm join --config /kind/kubeadm.conf --skip-phases=preflight --v=6\" "
                    + "failed with error: exit status 1", "error execution phase kubelet-start: timed out\n");
        };
    }

    private void rollback(String cluster, String kubeconfigPath) {
        try {
            List<String> existing = nodes.list(cluster);
            try {
                kubeconfig.remove(cluster, kubeconfigPath);
            } catch (KindError ignored) {
                // kind logs and carries on
            }
            if (!existing.isEmpty()) {
                nodes.delete(existing);
            }
        } catch (KindError ignored) {
            // kind ignores rollback errors: the original error is what it reports
        }
    }

    private void ensureNetwork() {
        if (docker.run("network", "inspect", KindNodes.NETWORK).ok()) {
            return;
        }
        DockerCli.Result r = docker.run("network", "create", "-d=bridge", "-o",
                "com.docker.network.bridge.enable_ip_masquerade=true", "-o", "com.docker.network.driver.mtu=1500",
                KindNodes.NETWORK);
        if (!r.ok() && !r.combined().contains("already exists")) {
            throw KindError.of(r).wrap("failed to ensure docker network");
        }
    }

    private List<PlannedNode> plan(KindConfig.Cluster cluster) {
        List<PlannedNode> out = new ArrayList<>();
        Map<String, AtomicInteger> counters = new HashMap<>();
        boolean ha = cluster.count("control-plane") > 1;
        for (KindConfig.NodeSpec spec : cluster.nodes()) {
            int n = counters.computeIfAbsent(spec.role(), r -> new AtomicInteger()).incrementAndGet();
            String node = cluster.name() + "-" + spec.role() + (n == 1 ? "" : Integer.toString(n));
            List<String> args = common(node, spec.role(), cluster.name());
            for (KindConfig.Mount m : spec.mounts()) {
                args.add("--volume=" + mountArg(m));
            }
            for (KindConfig.PortMapping pm : spec.ports()) {
                args.add(publish(pm, cluster.ipFamily()));
            }
            if (spec.role().equals("control-plane")) {
                if (ha) {
                    args.add("--publish=127.0.0.1:" + freePort("127.0.0.1") + ":6443/TCP");
                } else {
                    args.add(apiPublish(cluster));
                }
                args.addAll(List.of("-e", "KUBECONFIG=/etc/kubernetes/admin.conf"));
            }
            args.addAll(List.of("--entrypoint", "/bin/sh", env.nodeImage(), "-c", NODE_SCRIPT));
            out.add(new PlannedNode(node, spec.role(), args));
        }
        if (ha) {
            String lb = cluster.name() + "-external-load-balancer";
            List<String> args = common(lb, "external-load-balancer", cluster.name());
            args.add(apiPublish(cluster));
            args.addAll(List.of("--entrypoint", "/bin/sh", env.nodeImage(), "-c", NODE_SCRIPT));
            out.add(new PlannedNode(lb, "external-load-balancer", args));
        }
        return out;
    }

    private static List<String> common(String node, String role, String cluster) {
        return new ArrayList<>(List.of("run", "--name", node, "--hostname", node, "--label",
                KindNodes.ROLE_LABEL + "=" + role, "--tmpfs", "/tmp", "--tmpfs", "/run", "--volume", "/var",
                "--detach", "--tty", "--label", KindNodes.CLUSTER_LABEL + "=" + cluster, "--net", KindNodes.NETWORK,
                "--restart=on-failure:1", "--init=false"));
    }

    private String apiPublish(KindConfig.Cluster c) {
        int port = c.apiServerPort() == 0 ? freePort(c.apiServerAddress()) : c.apiServerPort();
        String host = c.apiServerAddress().contains(":") ? "[" + c.apiServerAddress() + "]" : c.apiServerAddress();
        return port == -1 ? "--publish=" + host + "::6443/TCP" : "--publish=" + host + ":" + port + ":6443/TCP";
    }

    private String publish(KindConfig.PortMapping pm, String ipFamily) {
        String addr = pm.listenAddress().isEmpty() ? (ipFamily.equals("ipv6") ? "::" : "0.0.0.0")
                : pm.listenAddress();
        if (!List.of("TCP", "UDP", "SCTP").contains(pm.protocol())) {
            throw new KindError("unknown port mapping protocol: " + pm.protocol());
        }
        int hostPort = pm.hostPort() == 0 ? freePort(addr) : pm.hostPort();
        String host = addr.contains(":") ? "[" + addr + "]" : addr;
        String hp = hostPort == -1 ? "" : Integer.toString(hostPort);
        return "--publish=" + host + ":" + hp + ":" + pm.containerPort() + "/" + pm.protocol();
    }

    private static String mountArg(KindConfig.Mount m) {
        String host = m.hostPath().isEmpty() ? "" : Path.of(m.hostPath()).toAbsolutePath().toString();
        List<String> opts = new ArrayList<>();
        if (m.readOnly()) {
            opts.add("ro");
        }
        switch (m.propagation()) {
            case "", "None" -> {
            }
            case "HostToContainer" -> opts.add("rslave");
            case "Bidirectional" -> opts.add("rshared");
            default -> throw new KindError("unknown propagation mode \"" + m.propagation() + "\"");
        }
        String base = host.isEmpty() ? m.containerPath() : host + ":" + m.containerPath();
        return opts.isEmpty() ? base : base + ":" + String.join(",", opts);
    }

    private static int freePort(String address) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new KindError("failed to get random host port for port mapping: " + e.getMessage());
        }
    }
}
