package dev.outpost.stack.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import dev.outpost.profiles.resolve.ImageReference;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Pulls an image unless the engine already has it, with the registry's saved credentials. */
public final class DockerPullImageSource implements ImageSource {
    private final DockerClient docker;
    private final Function<String, Optional<AuthConfig>> credentials;

    public DockerPullImageSource(DockerClient docker, Function<String, Optional<AuthConfig>> credentials) {
        this.docker = docker;
        this.credentials = credentials;
    }

    @Override
    public void ensure(String image, Consumer<String> progress) throws InterruptedException {
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException absent) {
            progress.accept("pulling " + image);
        }
        String registry = ImageReference.parse(image).registry();
        PullImageCmd cmd = docker.pullImageCmd(image);
        credentials.apply(registry).ifPresent(cmd::withAuthConfig);
        try {
            cmd.exec(new PullImageResultCallback()).awaitCompletion();
        } catch (DockerClientException | DockerException e) {
            String m = String.valueOf(e.getMessage());
            String why = m.contains("unauthorized") || m.contains("authentication required") || m.contains("401")
                    ? "registry " + registry + " refused the credentials for " + image
                    + " (run `docker login " + registry + "`)"
                    : m.contains("not found") || m.contains("manifest unknown")
                            ? "image " + image + " was not found in registry " + registry
                            : m.contains("connection refused") || m.contains("no such host")
                                    ? "registry " + registry + " cannot be reached" : m.lines().findFirst().orElse(m);
            throw new ImagePullException(image, why, e);
        }
    }

    /** A pull failed; the message says why in a user's words and never carries a password. */
    public static final class ImagePullException extends RuntimeException {
        ImagePullException(String image, String why, Throwable cause) {
            super("could not pull " + image + ": " + why, cause);
        }
    }
}
