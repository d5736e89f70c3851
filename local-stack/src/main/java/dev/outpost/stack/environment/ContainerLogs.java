package dev.outpost.stack.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a container's last log lines (stdout and stderr together). */
final class ContainerLogs {
    private ContainerLogs() {
    }

    /**
     * Streams the last {@code lines} lines and then every new one as it is written, without keeping
     * any; closing the returned handle stops it.
     */
    static java.io.Closeable follow(DockerClient docker, String id, int lines, java.util.function.Consumer<String> sink) {
        return docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines).withFollowStream(true)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame f) {
                        for (String l : new String(f.getPayload(), StandardCharsets.UTF_8).split("\n")) {
                            if (!l.isBlank()) {
                                sink.accept(l.stripTrailing());
                            }
                        }
                    }
                });
    }

    static List<String> tail(DockerClient docker, String id, int lines) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame f) {
                            for (String l : new String(f.getPayload(), StandardCharsets.UTF_8).split("\n")) {
                                if (!l.isBlank()) {
                                    out.add(l.stripTrailing());
                                }
                            }
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A container removed meanwhile has no logs; the caller reports what it has.
        }
        return List.copyOf(out);
    }
}
