package dev.outpost.stack.cluster.k3d;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.files.PrivateFiles;
import dev.outpost.stack.cluster.ClusterInfo;
import dev.outpost.stack.cluster.ClusterListener;
import dev.outpost.stack.cluster.ClusterProvider;
import dev.outpost.stack.cluster.ClusterSpec;
import dev.outpost.stack.cluster.ToolInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** k3d v5 through its CLI; every verb is a k3d command. */
public final class K3dProvider implements ClusterProvider {
    public static final String CLUSTER_LABEL = "k3d.cluster";
    public static final String CONFIG_FILE = "k3d-config.yaml";

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SHORT = Duration.ofMinutes(3);

    private final ToolInvoker k3d;

    public K3dProvider(ToolInvoker k3d) {
        this.k3d = k3d;
    }

    /** Every INFO message is a step a user can follow. */
    public static Optional<String> stepOf(String line) {
        return K3dLogLine.parse(line).filter(l -> l.level().equals("info")).map(K3dLogLine::message);
    }

    /** The last FATA (else ERRO) message: k3d ends a failure with the summary. */
    public static Optional<String> errorOf(List<String> output) {
        List<K3dLogLine> errors = output.stream().map(K3dLogLine::parse).flatMap(Optional::stream)
                .filter(K3dLogLine::isError).toList();
        return errors.stream().filter(l -> !l.level().equals("error")).reduce((a, b) -> b)
                .or(() -> errors.stream().reduce((a, b) -> b)).map(K3dLogLine::message);
    }

    @Override
    public Runtime runtime() {
        return Runtime.K3D;
    }

    @Override
    public void create(ClusterSpec spec, Path workDir, Path kubeconfig, ClusterListener listener) throws InterruptedException {
        Path config;
        try {
            Files.createDirectories(workDir);
            config = workDir.resolve(CONFIG_FILE);
            Files.writeString(config, K3dConfig.render(spec, freePort()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the k3d config in " + workDir, e);
        }
        k3d.run(listener, CREATE_TIMEOUT, List.of("cluster", "create", spec.name(), "--config", config.toString()));
        writeKubeconfig(kubeconfig, kubeconfig(spec.name()));
    }

    /** A port free now on 127.0.0.1; k3d fails clearly with "port is already allocated" if it is taken by then. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void writeKubeconfig(Path target, String yaml) {
        try {
            PrivateFiles.createDirectories(target.toAbsolutePath().getParent());
            PrivateFiles.writeAtomically(target, yaml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    @Override
    public void start(String name, ClusterListener listener) throws InterruptedException {
        k3d.run(listener, SHORT, List.of("cluster", "start", name, "--wait", "--timeout", "180s"));
    }

    @Override
    public void stop(String name, ClusterListener listener) throws InterruptedException {
        k3d.run(listener, SHORT, List.of("cluster", "stop", name));
    }

    @Override
    public void delete(String name, ClusterListener listener) throws InterruptedException {
        k3d.run(listener, SHORT, List.of("cluster", "delete", name));
    }

    @Override
    public List<ClusterInfo> list() throws InterruptedException {
        return K3dClusterList.parse(k3d.run(ClusterListener.NONE, SHORT, List.of("cluster", "list", "-o", "json")).stdoutText());
    }

    /**
     * k3d writes the server as {@code 0.0.0.0} on some hosts, which is no address to connect to; the API
     * listens on 127.0.0.1 only, so that is what the kubeconfig says.
     */
    @Override
    public String kubeconfig(String name) throws InterruptedException {
        String yaml = k3d.run(ClusterListener.NONE, SHORT, List.of("kubeconfig", "get", name)).stdoutText();
        return yaml.replace("https://0.0.0.0:", "https://127.0.0.1:") + "\n";
    }

    @Override
    public void loadImages(String name, List<String> images, ClusterListener listener) throws InterruptedException {
        if (images.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("image", "import", "--cluster", name));
        args.addAll(images);
        k3d.run(listener, CREATE_TIMEOUT, args);
    }
}
