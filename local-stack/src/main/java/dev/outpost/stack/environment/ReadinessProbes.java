package dev.outpost.stack.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.resolve.Plan;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The four readiness checks a template can name, each against a running container. */
final class ReadinessProbes {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .proxy(HttpClient.Builder.NO_PROXY).build();

    private ReadinessProbes() {
    }

    static ReadinessProbe forService(DockerClient docker, String containerId, Plan.Service s) {
        ServiceTemplate.Readiness r = s.readiness();
        if (r == null) {
            return running(docker, containerId);
        }
        if (r.tcp() != null) {
            return tcp(port(s, r.tcp().port()));
        }
        if (r.http() != null) {
            return http(port(s, r.http().port()), r.http().path() == null ? "/" : r.http().path());
        }
        if (r.exec() != null) {
            return exec(docker, containerId, r.exec());
        }
        return log(docker, containerId, Pattern.compile(r.log().pattern()));
    }

    private static int port(Plan.Service s, String name) {
        return s.ports().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no port " + name)).hostPort();
    }

    static ReadinessProbe running(DockerClient docker, String id) {
        return new ReadinessProbe() {
            @Override
            public boolean ready() {
                return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning());
            }

            @Override
            public String waitingFor() {
                return "the container to run";
            }
        };
    }

    static ReadinessProbe tcp(int port) {
        return new ReadinessProbe() {
            @Override
            public boolean ready() {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public String waitingFor() {
                return "a TCP connection to 127.0.0.1:" + port;
            }
        };
    }

    static ReadinessProbe http(int port, String path) {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        return new ReadinessProbe() {
            @Override
            public boolean ready() throws InterruptedException {
                try {
                    HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    return r.statusCode() >= 200 && r.statusCode() < 400;
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public String waitingFor() {
                return "HTTP 2xx from " + uri;
            }
        };
    }

    static ReadinessProbe exec(DockerClient docker, String id, List<String> command) {
        return new ReadinessProbe() {
            @Override
            public boolean ready() throws InterruptedException {
                ExecCreateCmdResponse exec = docker.execCreateCmd(id).withCmd(command.toArray(String[]::new))
                        .withAttachStdout(true).withAttachStderr(true).exec();
                docker.execStartCmd(exec.getId()).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(10, TimeUnit.SECONDS);
                Long code = docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
                return code != null && code == 0;
            }

            @Override
            public String waitingFor() {
                return "`" + String.join(" ", command) + "` to succeed in the container";
            }
        };
    }

    static ReadinessProbe log(DockerClient docker, String id, Pattern pattern) {
        return new ReadinessProbe() {
            @Override
            public boolean ready() {
                // The whole log is scanned each time: readiness lines come early, while logs are short.
                return ContainerLogs.tail(docker, id, 2000).stream().anyMatch(l -> pattern.matcher(l).find());
            }

            @Override
            public String waitingFor() {
                return "a log line matching /" + pattern + "/";
            }
        };
    }
}
