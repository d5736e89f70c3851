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
        ReadinessProbe check = r.exec() != null ? exec(docker, containerId, r.exec())
                : log(docker, containerId, Pattern.compile(r.log().pattern()));
        // An exec starts a process in the container (for RabbitMQ a whole Erlang VM) and competes with the
        // boot it waits for; a socket that really answers is a cheap first gate.
        return s.ports().stream().filter(p -> p.protocol() != ServiceTemplate.Protocol.UDP).findFirst()
                .map(p -> gated(tcp(p.hostPort()), check)).orElse(check);
    }

    static ReadinessProbe gated(ReadinessProbe gate, ReadinessProbe check) {
        return new ReadinessProbe() {
            @Override
            public boolean ready() throws InterruptedException {
                return gate.ready() && check.ready();
            }

            @Override
            public String waitingFor() {
                return check.waitingFor();
            }
        };
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
            /**
             * Docker's userland proxy accepts on the host port as soon as the container starts, then closes
             * the connection if nothing listens inside. So a connection counts only if it stays open (most
             * servers wait for the client to speak) or the server sends something (a banner).
             */
            @Override
            public boolean ready() {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    s.setSoTimeout(150);
                    return s.getInputStream().read() >= 0;
                } catch (java.net.SocketTimeoutException stillOpen) {
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
