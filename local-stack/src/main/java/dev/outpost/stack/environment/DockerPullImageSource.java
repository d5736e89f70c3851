package dev.outpost.stack.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.function.Consumer;

/** Pulls an image unless the engine already has it. */
public final class DockerPullImageSource implements ImageSource {
    private final DockerClient docker;

    public DockerPullImageSource(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public void ensure(String image, Consumer<String> progress) throws InterruptedException {
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException absent) {
            progress.accept("pulling " + image);
        }
        docker.pullImageCmd(image).exec(new PullImageResultCallback()).awaitCompletion();
    }
}
