package dev.outpost.stack.kube;

import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.validation.Placeholders;
import dev.outpost.stack.environment.Labels;
import dev.outpost.stack.environment.SecretStore;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a plan into the Kubernetes objects of one environment: its namespace, then per service a
 * Secret, PVCs, a workload and a Service. Pure: nothing here talks to a cluster, so `--dry-run`
 * and tests see exactly what `up` applies.
 *
 * <p>{@code log} readiness has no Kubernetes probe; the container gets none and
 * {@link ReadinessWaiter} watches the pod log for the pattern instead.
 */
public final class ManifestRenderer {
    /** Claim size when the catalog says none; local provisioners (k3d local-path, kind's) ignore it anyway. */
    public static final Quantity DEFAULT_VOLUME_SIZE = new Quantity("1Gi");
    public static final String GPU_RESOURCE = "nvidia.com/gpu";
    static final String REDACTED = "<redacted>";

    private final Quantity volumeSize;

    public ManifestRenderer() {
        this(DEFAULT_VOLUME_SIZE);
    }

    public ManifestRenderer(Quantity volumeSize) {
        this.volumeSize = volumeSize;
    }

    /** The environment's objects in apply order: namespace first, each service's workload after what it mounts. */
    public List<HasMetadata> render(Plan plan, SecretStore secrets) {
        String env = plan.profile();
        List<HasMetadata> out = new ArrayList<>();
        out.add(namespace(plan));
        for (Plan.Service s : plan.services()) {
            out.addAll(service(env, s, secrets));
        }
        return out;
    }

    /** Name of the Secret holding a service's secret-bearing env values. */
    public static String secretName(String service) {
        return service + "-env";
    }

    /** Name of the claim behind a service's volume. */
    public static String claimName(String service, String volume) {
        return service + "-" + volume;
    }

    /**
     * Multi-document YAML, as {@code kubectl apply -f} takes it.
     *
     * @param revealSecrets false replaces every Secret value with {@value #REDACTED}, for output a
     *                      user may paste into an issue; true gives applicable YAML
     */
    public static String toYaml(List<HasMetadata> objects, boolean revealSecrets) {
        StringBuilder b = new StringBuilder();
        for (HasMetadata o : objects) {
            HasMetadata shown = !revealSecrets && o instanceof Secret s ? redacted(s) : o;
            String doc = Serialization.asYaml(shown);
            b.append(doc.startsWith("---") ? doc : "---\n" + doc);
            if (!doc.endsWith("\n")) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static Secret redacted(Secret s) {
        Map<String, String> masked = new LinkedHashMap<>();
        if (s.getData() != null) {
            s.getData().keySet().forEach(k -> masked.put(k, REDACTED));
        }
        return new SecretBuilder(s).withData(null).withStringData(masked).build();
    }

    private Namespace namespace(Plan plan) {
        return new NamespaceBuilder().withMetadata(new ObjectMetaBuilder()
                .withName(KubeLabels.namespace(plan.profile()))
                .withLabels(KubeLabels.environment(plan.profile()))
                .withAnnotations(Map.of(Labels.PROFILE_DIGEST, plan.digest()))
                .build()).build();
    }

    private List<HasMetadata> service(String env, Plan.Service s, SecretStore secrets) {
        List<HasMetadata> out = new ArrayList<>();
        Map<String, String> secretValues = new LinkedHashMap<>();
        List<EnvVar> envVars = new ArrayList<>();
        for (Map.Entry<String, String> e : s.env().entrySet()) {
            if (hasSecret(e.getValue())) {
                secretValues.put(e.getKey(), secrets.fill(env, s.name(), e.getValue()));
                envVars.add(new EnvVarBuilder().withName(e.getKey()).withNewValueFrom()
                        .withNewSecretKeyRef(e.getKey(), secretName(s.name()), false).endValueFrom().build());
            } else {
                envVars.add(new EnvVar(e.getKey(), e.getValue(), null));
            }
        }
        if (!secretValues.isEmpty()) {
            // `data`, not `stringData`: the server stores data as sent, so a repeated apply is a true no-op.
            Map<String, String> data = new LinkedHashMap<>();
            secretValues.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
            out.add(new SecretBuilder().withMetadata(meta(env, s, secretName(s.name()))).withType("Opaque")
                    .withData(data).build());
        }
        for (Plan.Volume v : s.volumes()) {
            out.add(claim(env, s, v));
        }
        PodTemplateSpec template = podTemplate(env, s, envVars);
        if (s.volumes().isEmpty()) {
            out.add(new DeploymentBuilder().withMetadata(meta(env, s, s.name())).withNewSpec().withReplicas(1)
                    .withNewSelector().withMatchLabels(KubeLabels.selector(env, s.name())).endSelector()
                    // Recreate: never two pods of a service at once, so forwards and logs always mean the one instance.
                    .withNewStrategy().withType("Recreate").endStrategy()
                    .withTemplate(template).endSpec().build());
        } else {
            out.add(new StatefulSetBuilder().withMetadata(meta(env, s, s.name())).withNewSpec().withReplicas(1)
                    .withServiceName(s.name())
                    .withNewSelector().withMatchLabels(KubeLabels.selector(env, s.name())).endSelector()
                    .withTemplate(template).endSpec().build());
        }
        if (!s.ports().isEmpty()) {
            // A Service must have at least one port, so a port-less service (a worker) gets none.
            out.add(new ServiceBuilder().withMetadata(meta(env, s, s.name())).withNewSpec().withType("ClusterIP")
                    .withSelector(KubeLabels.selector(env, s.name()))
                    .withPorts(s.ports().stream().map(p -> new ServicePortBuilder().withName(p.name())
                            .withPort(p.containerPort()).withTargetPort(new IntOrString(p.name()))
                            .withProtocol(protocol(p)).build()).toList())
                    .endSpec().build());
        }
        return out;
    }

    private PersistentVolumeClaim claim(String env, Plan.Service s, Plan.Volume v) {
        return new PersistentVolumeClaimBuilder().withMetadata(meta(env, s, claimName(s.name(), v.name())))
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", volumeSize).endResources()
                .endSpec().build();
    }

    private PodTemplateSpec podTemplate(String env, Plan.Service s, List<EnvVar> envVars) {
        ContainerBuilder c = new ContainerBuilder().withName(s.name()).withImage(s.image())
                .withImagePullPolicy("IfNotPresent").withEnv(envVars)
                .withPorts(s.ports().stream().map(p -> new ContainerPortBuilder().withName(p.name())
                        .withContainerPort(p.containerPort()).withProtocol(protocol(p)).build()).toList())
                .withVolumeMounts(s.volumes().stream().map(v -> new VolumeMountBuilder().withName(v.name())
                        .withMountPath(v.mountPath()).build()).toList())
                .withResources(resources(s));
        if (!s.command().isEmpty()) {
            c.withCommand(s.command());
        }
        if (!s.args().isEmpty()) {
            c.withArgs(s.args());
        }
        Probe probe = probe(s.readiness());
        if (probe != null) {
            c.withReadinessProbe(probe);
        }
        Container container = c.build();
        List<Volume> volumes = s.volumes().stream().map(v -> new VolumeBuilder().withName(v.name())
                .withNewPersistentVolumeClaim().withClaimName(claimName(s.name(), v.name())).endPersistentVolumeClaim()
                .build()).toList();
        PodSpec spec = new PodSpecBuilder().withContainers(container).withVolumes(volumes)
                // Service links would inject e.g. KAFKA_PORT=tcp://..., which images read as their own settings.
                .withEnableServiceLinks(false).build();
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(KubeLabels.service(env, s.name()))
                // The digest on the template rolls the pod exactly when the service's plan changed.
                .withAnnotations(Map.of(Labels.SERVICE_DIGEST, s.digest())).endMetadata()
                .withSpec(spec).build();
    }

    static Probe probe(ServiceTemplate.Readiness r) {
        if (r == null) {
            return null;
        }
        ProbeBuilder p = new ProbeBuilder().withPeriodSeconds(2).withTimeoutSeconds(2).withFailureThreshold(3);
        if (r.tcp() != null) {
            return p.withNewTcpSocket().withPort(new IntOrString(r.tcp().port())).endTcpSocket().build();
        }
        if (r.http() != null) {
            String path = r.http().path() == null || r.http().path().isBlank() ? "/" : r.http().path();
            return p.withNewHttpGet().withPort(new IntOrString(r.http().port())).withPath(path).endHttpGet().build();
        }
        if (r.exec() != null && !r.exec().isEmpty()) {
            return p.withNewExec().withCommand(r.exec()).endExec().build();
        }
        return null;
    }

    private ResourceRequirements resources(Plan.Service s) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        ServiceTemplate.Resources r = s.resources();
        if (r != null) {
            put(requests, r.requests());
            put(limits, r.limits());
        }
        if (s.gpu()) {
            limits.put(GPU_RESOURCE, new Quantity("1"));
        }
        ResourceRequirements out = new ResourceRequirements();
        out.setRequests(requests);
        out.setLimits(limits);
        return out;
    }

    private static void put(Map<String, Quantity> into, ServiceTemplate.Amounts a) {
        if (a == null) {
            return;
        }
        if (a.cpu() != null && !a.cpu().isBlank()) {
            into.put("cpu", new Quantity(a.cpu()));
        }
        if (a.memory() != null && !a.memory().isBlank()) {
            into.put("memory", new Quantity(a.memory()));
        }
    }

    private static String protocol(Plan.Port p) {
        return p.protocol() == ServiceTemplate.Protocol.UDP ? "UDP" : "TCP";
    }

    private static ObjectMeta meta(String env, Plan.Service s, String name) {
        return new ObjectMetaBuilder().withName(name).withNamespace(KubeLabels.namespace(env))
                .withLabels(KubeLabels.service(env, s.name()))
                .withAnnotations(Map.of(Labels.SERVICE_DIGEST, s.digest())).build();
    }

    private static boolean hasSecret(String value) {
        return Placeholders.in(value).stream().anyMatch(p -> p.kind().equals("secret"));
    }
}
