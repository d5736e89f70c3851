package dev.outpost.stack.idle;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads the container's own {@code /proc/net/tcp*} through an exec: the container's network namespace is the
 * only place that sees its connections on every engine (Docker Desktop and Podman machine run containers in a
 * VM, where the host's /proc shows nothing). Images without {@code cat} answer empty, and the caller falls back
 * to network traffic.
 */
public final class ExecConnectionCounter implements ConnectionCounter {
    private static final long TIMEOUT_SECONDS = 10;

    private final Supplier<DockerClient> docker;

    public ExecConnectionCounter(Supplier<DockerClient> docker) {
        this.docker = docker;
    }

    @Override
    public OptionalInt clientConnections(String container) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        try {
            String exec = docker.get().execCreateCmd(container).withAttachStdout(true).withAttachStderr(false)
                    .withCmd("cat", "/proc/net/tcp", "/proc/net/tcp6").exec().getId();
            try (ResultCallback.Adapter<Frame> cb = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame f) {
                    if (f.getStreamType() == StreamType.STDOUT || f.getStreamType() == StreamType.RAW) {
                        out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                    }
                }
            }) {
                if (!docker.get().execStartCmd(exec).exec(cb).awaitCompletion(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    return OptionalInt.empty();
                }
            }
            Long exit = docker.get().inspectExecCmd(exec).exec().getExitCodeLong();
            // tcp6 is missing where IPv6 is off: cat still prints tcp and exits 1, which is a usable answer.
            if (out.isEmpty() || exit == null || (exit != 0 && exit != 1)) {
                return OptionalInt.empty();
            }
        } catch (DockerException | java.io.IOException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ProcNetTcp.clientConnections(List.of(out.toString().split("\n"))));
    }
}
