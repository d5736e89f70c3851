package dev.outpost.stack.inference;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import dev.outpost.stack.environment.ImageSource;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link LocalOllama.Containers} on a Docker-compatible engine through docker-java. */
public final class DockerOllamaContainers implements LocalOllama.Containers {
    private final DockerClient docker;
    private final ImageSource images;

    public DockerOllamaContainers(DockerClient docker, ImageSource images) {
        this.docker = docker;
        this.images = images;
    }

    @Override
    public String start(OllamaContainerSpec spec, Consumer<String> progress) throws InterruptedException {
        Optional<InspectContainerResponse> existing = inspect(spec.name());
        if (existing.isPresent()) {
            // Made by an earlier run: reuse it, models and all. A changed spec (tag, GPU) is not applied
            // here; removing the container makes the next start create it afresh.
            if (!Boolean.TRUE.equals(existing.get().getState().getRunning())) {
                progress.accept("starting the existing container " + spec.name());
                startQuietly(existing.get().getId());
            }
            return "reused container " + spec.name() + " (" + existing.get().getConfig().getImage() + ")";
        }
        progress.accept("pulling " + spec.image());
        images.ensure(spec.image(), progress);
        String id = create(spec);
        startQuietly(id);
        return "created container " + spec.name() + " from " + spec.image()
                + (spec.nvidiaGpu() ? " with all NVIDIA GPUs" : " without a GPU");
    }

    /** Creates the container without starting it; its id. */
    public String create(OllamaContainerSpec spec) {
        return docker.createContainerCmd(spec.image())
                .withName(spec.name())
                .withLabels(spec.labels())
                .withEnv(spec.env())
                .withExposedPorts(spec.exposedPort())
                .withHostConfig(spec.hostConfig())
                // The image's own CMD, spelled out so that a changed default in a later image cannot surprise.
                .withCmd(OllamaContainerSpec.COMMAND)
                .exec().getId();
    }

    @Override
    public boolean isRunning(String name) {
        return inspect(name).map(c -> Boolean.TRUE.equals(c.getState().getRunning())).orElse(false);
    }

    @Override
    public String state(String name) {
        return inspect(name).map(c -> "container " + name + " is " + c.getState().getStatus()
                + (c.getState().getError() == null || c.getState().getError().isBlank() ? ""
                        : ": " + c.getState().getError())).orElse("container " + name + " is gone");
    }

    private Optional<InspectContainerResponse> inspect(String name) {
        try {
            return Optional.of(docker.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private void startQuietly(String id) {
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // started in the meantime: fine
        }
    }
}
