package dev.outpost.stack.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.validation.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a planned service into the engine's create-container request. */
final class ContainerFactory {
    private final DockerClient docker;
    private final SecretStore secrets;
    private final String outpostVersion;

    ContainerFactory(DockerClient docker, SecretStore secrets, String outpostVersion) {
        this.docker = docker;
        this.secrets = secrets;
        this.outpostVersion = outpostVersion;
    }

    String create(Plan plan, Plan.Service s) {
        String env = plan.profile();
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (Plan.Port p : s.ports()) {
            ExposedPort e = p.protocol() == ServiceTemplate.Protocol.UDP ? ExposedPort.udp(p.containerPort())
                    : ExposedPort.tcp(p.containerPort());
            exposed.add(e);
            // Always an explicit host IP: an empty one would publish on every interface.
            bindings.bind(e, Ports.Binding.bindIpAndPort(p.hostIp(), p.hostPort()));
        }
        List<Bind> binds = s.volumes().stream()
                .map(v -> new Bind(Names.volume(env, s.name(), v.name()), new Volume(v.mountPath()))).toList();
        HostConfig host = HostConfig.newHostConfig().withPortBindings(bindings).withBinds(binds)
                .withNetworkMode(Names.network(env));
        CreateContainerCmd cmd = docker.createContainerCmd(s.image())
                .withName(Names.container(env, s.name()))
                .withHostName(s.name())
                .withEnv(environment(env, s))
                .withLabels(Labels.service(env, s.name(), plan.digest(), s.digest(), outpostVersion))
                .withExposedPorts(exposed)
                .withHostConfig(host)
                .withAliases(s.name());
        if (!s.command().isEmpty()) {
            cmd.withEntrypoint(s.command());
        }
        if (!s.args().isEmpty()) {
            cmd.withCmd(s.args());
        }
        return cmd.exec().getId();
    }

    private List<String> environment(String env, Plan.Service s) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : s.env().entrySet()) {
            out.add(e.getKey() + "=" + fillSecrets(env, s.name(), e.getValue()));
        }
        return out;
    }

    String fillSecrets(String env, String service, String text) {
        return secrets.fill(env, service, text);
    }
}
