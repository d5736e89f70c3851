package dev.outpost.stack.cluster.kind;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.files.PrivateFiles;
import dev.outpost.stack.cluster.ClusterException;
import dev.outpost.stack.cluster.ClusterFailure;
import dev.outpost.stack.cluster.ClusterInfo;
import dev.outpost.stack.cluster.ClusterListener;
import dev.outpost.stack.cluster.ClusterProvider;
import dev.outpost.stack.cluster.ClusterSpec;
import dev.outpost.stack.cluster.NodeContainers;
import dev.outpost.stack.cluster.NodeInfo;
import dev.outpost.stack.cluster.RegistryMirror;
import dev.outpost.stack.cluster.ToolInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kind v0.32 through its CLI. Creation, deletion, kubeconfig and image loading are kind's own commands;
 * stop and start, which kind lacks, act on the node containers found by kind's cluster label.
 */
public final class KindProvider implements ClusterProvider {
    public static final String CLUSTER_LABEL = "io.x-k8s.kind.cluster";
    public static final String ROLE_LABEL = "io.x-k8s.kind.role";
    public static final String CONFIG_FILE = "kind-config.yaml";

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SHORT = Duration.ofMinutes(2);
    private static final Pattern STEP = Pattern.compile("^\\s*•\\s+(.+?)\\s*\\.\\.\\.\\s*$");
    private static final Pattern CREATING = Pattern.compile("^Creating cluster \"[^\"]+\" \\.\\.\\.");

    private final ToolInvoker kind;
    private final NodeContainers nodes;

    public KindProvider(ToolInvoker kind, NodeContainers nodes) {
        this.kind = kind;
        this.nodes = nodes;
    }

    /** A step announced by kind's status lines (" • Preparing nodes 📦  ..."), decoration removed. */
    public static Optional<String> stepOf(String line) {
        Matcher m = STEP.matcher(line);
        if (m.matches()) {
            return Optional.of(undecorate(m.group(1)));
        }
        if (CREATING.matcher(line).find()) {
            return Optional.of("Creating cluster");
        }
        return Optional.empty();
    }

    /** kind's one error line, {@code ERROR: failed to create cluster: …}, without the prefix. */
    public static Optional<String> errorOf(List<String> output) {
        return output.stream().filter(l -> l.startsWith("ERROR: ")).map(l -> l.substring(7).strip()).reduce((a, b) -> b);
    }

    static String undecorate(String text) {
        // Emoji trail each step (📦 📦 for two nodes): keep the words and anything in brackets.
        return text.replaceAll("[^\\p{L}\\p{N})\\]\"'.]+$", "").strip();
    }

    @Override
    public Runtime runtime() {
        return Runtime.KIND;
    }

    @Override
    public void create(ClusterSpec spec, Path workDir, Path kubeconfig, ClusterListener listener) throws InterruptedException {
        Path config = writeConfig(spec, workDir);
        List<String> args = new ArrayList<>(List.of("create", "cluster", "--name", spec.name(), "--config", config.toString(),
                "--kubeconfig", kubeconfig.toString()));
        kind.run(listener, CREATE_TIMEOUT, args);
        restrict(kubeconfig);
        Optional<RegistryMirror> mirror = spec.registryMirror().map(RegistryMirror::parse);
        if (mirror.isPresent()) {
            listener.step("Pointing containerd at the registry mirror");
            String hosts = KindMirrorHosts.dockerIo(mirror.get());
            try {
                for (NodeInfo n : nodes.of(spec.name())) {
                    nodes.writeFile(n.name(), KindMirrorHosts.DOCKER_IO_FILE, hosts);
                }
            } catch (RuntimeException e) {
                delete(spec.name(), listener);
                throw e instanceof ClusterException ce ? ce
                        : new ClusterException(ClusterFailure.FAILED, "could not configure the registry mirror in the nodes: "
                        + e.getMessage() + "; the cluster was removed", "", List.of(), e);
            }
        }
    }

    static Path writeConfig(ClusterSpec spec, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve(CONFIG_FILE);
            Files.writeString(config, KindConfig.render(spec), StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the kind config in " + workDir, e);
        }
    }

    static void restrict(Path kubeconfig) {
        try {
            if (PrivateFiles.posix() && Files.exists(kubeconfig)) {
                Files.setPosixFilePermissions(kubeconfig, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + kubeconfig + " private", e);
        }
    }

    @Override
    public void start(String name, ClusterListener listener) {
        listener.step("Starting node containers");
        if (nodes.start(name, KindProvider::rolePriority) == 0) {
            throw notFound(name);
        }
    }

    @Override
    public void stop(String name, ClusterListener listener) {
        listener.step("Stopping node containers");
        if (nodes.stop(name, KindProvider::rolePriority) == 0) {
            throw notFound(name);
        }
    }

    @Override
    public void delete(String name, ClusterListener listener) throws InterruptedException {
        kind.run(listener, SHORT, List.of("delete", "cluster", "--name", name));
    }

    @Override
    public List<ClusterInfo> list() throws InterruptedException {
        List<String> names = kind.run(ClusterListener.NONE, SHORT, List.of("get", "clusters")).stdout().stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Map<String, List<NodeInfo>> all = nodes.all();
        return names.stream().map(n -> new ClusterInfo(n, Runtime.KIND, all.getOrDefault(n, List.of()))).toList();
    }

    @Override
    public String kubeconfig(String name) throws InterruptedException {
        return kind.run(ClusterListener.NONE, SHORT, List.of("get", "kubeconfig", "--name", name)).stdoutText() + "\n";
    }

    @Override
    public void loadImages(String name, List<String> images, ClusterListener listener) throws InterruptedException {
        if (images.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("load", "docker-image", "--name", name));
        args.addAll(images);
        kind.run(listener, CREATE_TIMEOUT, args);
    }

    private static int rolePriority(String role) {
        return switch (role) {
            case "external-load-balancer" -> 0;
            case "control-plane" -> 1;
            default -> 2;
        };
    }

    private static ClusterException notFound(String name) {
        return new ClusterException(ClusterFailure.NOT_FOUND, "no kind cluster named '" + name + "' exists on this engine");
    }
}
