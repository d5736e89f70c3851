package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.outpost.stack.docker.DockerClients;
import dev.outpost.stack.docker.DockerEndpointResolver;
import dev.outpost.stack.platform.HostEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Ollama container spec as the real engine records it: created, never started (no GPU or Ollama image
 * needed), from a local test image, under a name and volume of its own that are removed afterwards.
 */
@Timeout(120)
class OllamaContainerIT {
    private static final String IMAGE = "outpost-test/debian-base:bookworm";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String name = "outpost-it-ollama-" + suffix;
    private final String volume = "outpost-it-ollama-models-" + suffix;
    private DockerClient docker;

    @BeforeEach
    void setUp() {
        docker = DockerClients.create(new DockerEndpointResolver(HostEnvironment.current()).resolve(), Duration.ZERO);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException ignored) {
            // never created
        }
        try {
            docker.removeVolumeCmd(volume).exec();
        } catch (NotFoundException ignored) {
            // never created
        }
        docker.close();
    }

    @Test
    void createdContainerHasLoopbackPortGpusModelsVolumeLabelsAndRestartPolicy() {
        OllamaContainerSpec spec = new OllamaContainerSpec(IMAGE, name, 21434, true, volume,
                OllamaContainerSpec.labels("it"));
        DockerOllamaContainers containers = new DockerOllamaContainers(docker, (image, progress) -> { });

        String id = containers.create(spec);
        InspectContainerResponse c = docker.inspectContainerCmd(id).exec();
        HostConfig host = c.getHostConfig();

        Ports.Binding[] b = host.getPortBindings().getBindings().get(ExposedPort.tcp(11434));
        assertThat(b).singleElement().satisfies(binding -> {
            assertThat(binding.getHostIp()).isEqualTo("127.0.0.1");
            assertThat(binding.getHostPortSpec()).isEqualTo("21434");
        });
        assertThat(host.getDeviceRequests()).singleElement().satisfies(d -> {
            assertThat(d.getDriver()).isEqualTo("nvidia");
            assertThat(d.getCount()).isEqualTo(-1);
            assertThat(d.getCapabilities()).isEqualTo(List.of(List.of("gpu")));
        });
        assertThat(host.getBinds()).singleElement().satisfies(bind -> {
            assertThat(bind.getPath()).isEqualTo(volume);
            assertThat(bind.getVolume().getPath()).isEqualTo("/root/.ollama");
        });
        assertThat(host.getRestartPolicy().getName()).isEqualTo("unless-stopped");
        assertThat(c.getConfig().getLabels()).containsEntry("dev.outpost.component", "ollama")
                .containsEntry("dev.outpost.version", "it");
        assertThat(c.getName()).isEqualTo("/" + name);
        assertThat(c.getConfig().getCmd()).containsExactly("serve");

        assertThat(containers.isRunning(name)).isFalse();
        assertThat(containers.state(name)).startsWith("container " + name + " is created");
        assertThat(containers.isRunning("outpost-it-no-such-" + suffix)).isFalse();
    }
}
