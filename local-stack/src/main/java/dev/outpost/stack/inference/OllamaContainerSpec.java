package dev.outpost.stack.inference;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import dev.outpost.profiles.resolve.ImageReference;
import dev.outpost.stack.environment.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Ollama container Outpost runs when no Ollama is installed: {@code docker run -d --gpus=all
 * -v outpost-ollama-models:/root/.ollama -p 127.0.0.1:PORT:11434 --restart unless-stopped ollama/ollama:TAG}.
 *
 * @param image    full reference, already rewritten through the registry mirror
 * @param hostPort published on 127.0.0.1 only: Ollama has no authentication, so it must not face the network
 * @param nvidiaGpu whether to request every NVIDIA GPU (needs the NVIDIA Container Toolkit on the host)
 * @param modelsVolume named volume for {@code /root/.ollama}, so pulled models outlive the container
 * @param labels   for finding it again; see {@link #labels(String)}
 * @param keepAlive the server's default keep-alive (OLLAMA_KEEP_ALIVE), Go duration syntax; null for Ollama's own
 */
public record OllamaContainerSpec(String image, String name, int hostPort, boolean nvidiaGpu, String modelsVolume,
                                  Map<String, String> labels, String keepAlive) {
    public static final String DEFAULT_NAME = "outpost-ollama";
    public static final String IMAGE_REPOSITORY = "docker.io/ollama/ollama";
    /** Pinned rather than latest, so every machine runs the server version Outpost was tested with (ollama.md). */
    public static final String DEFAULT_TAG = "0.32.15";
    public static final String MODELS_VOLUME = "outpost-ollama-models";
    public static final String MODELS_PATH = "/root/.ollama";
    public static final int CONTAINER_PORT = 11434;
    public static final String HOST_IP = "127.0.0.1";
    /** Argument to the image's {@code /bin/ollama} entrypoint. */
    public static final String COMMAND = "serve";
    /**
     * Not {@link Labels#MANAGED}: containers with that label are read back as services of an environment,
     * and this one belongs to none.
     */
    public static final String COMPONENT_LABEL = "dev.outpost.component";

    public OllamaContainerSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modelsVolume, "modelsVolume");
        labels = Map.copyOf(labels);
    }

    public OllamaContainerSpec(String image, String name, int hostPort, boolean nvidiaGpu, String modelsVolume,
                               Map<String, String> labels) {
        this(image, name, hostPort, nvidiaGpu, modelsVolume, labels, null);
    }

    public OllamaContainerSpec withKeepAlive(String goDuration) {
        return new OllamaContainerSpec(image, name, hostPort, nvidiaGpu, modelsVolume, labels, goDuration);
    }

    /** The container's environment: the keep-alive when one is set (the image already binds 0.0.0.0 inside). */
    public List<String> env() {
        return keepAlive == null ? List.of() : List.of("OLLAMA_KEEP_ALIVE=" + keepAlive);
    }

    /**
     * @param tag            image tag, e.g. {@link #DEFAULT_TAG}
     * @param registryMirror host[:port][/path] Docker Hub pulls go through (settings); null for none
     */
    public static OllamaContainerSpec of(String tag, String registryMirror, int hostPort, boolean nvidiaGpu,
                                         String outpostVersion) {
        String image = ImageReference.parse(IMAGE_REPOSITORY + ":" + tag).throughMirror(registryMirror).toString();
        return new OllamaContainerSpec(image, DEFAULT_NAME, hostPort, nvidiaGpu, MODELS_VOLUME, labels(outpostVersion));
    }

    public static Map<String, String> labels(String outpostVersion) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(COMPONENT_LABEL, "ollama");
        m.put(Labels.OUTPOST_VERSION, outpostVersion);
        return m;
    }

    public ExposedPort exposedPort() {
        return ExposedPort.tcp(CONTAINER_PORT);
    }

    /** {@code --gpus=all}: count -1 (all), capabilities [["gpu"]], driver nvidia (ollama.md §6). */
    public List<DeviceRequest> deviceRequests() {
        return nvidiaGpu
                ? List.of(new DeviceRequest().withDriver("nvidia").withCount(-1).withCapabilities(List.of(List.of("gpu"))))
                : List.of();
    }

    public HostConfig hostConfig() {
        Ports ports = new Ports();
        // Always an explicit host IP: an empty one would publish on every interface.
        ports.bind(exposedPort(), Ports.Binding.bindIpAndPort(HOST_IP, hostPort));
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(ports)
                .withBinds(new Bind(modelsVolume, new Volume(MODELS_PATH)))
                // Survives reboots and engine restarts like a service would, until the user stops it.
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
        if (nvidiaGpu) {
            host.withDeviceRequests(deviceRequests());
        }
        return host;
    }
}
