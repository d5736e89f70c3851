package dev.outpost.stack.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.environment.Labels;
import dev.outpost.stack.environment.SecretStore;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renders the data-pipeline sample plus a GPU service, writes YAML, parses it back and checks each object. */
class ManifestRendererTest {
    private static final String NS = "outpost-data-pipeline";

    private final SecretStore secrets = new SecretStore(new MapTokenStore());
    private Plan plan;
    private List<HasMetadata> parsed;

    @BeforeEach
    void render() {
        plan = TestPlans.with(TestPlans.dataPipeline(), TestPlans.gpuService());
        String yaml = ManifestRenderer.toYaml(new ManifestRenderer().render(plan, secrets), true);
        parsed = ((List<?>) Serialization.unmarshal(yaml)).stream().map(HasMetadata.class::cast).toList();
    }

    @Test
    void rendersTheNamespaceThenEachServicesObjects() {
        assertThat(parsed).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).containsExactly(
                "Namespace/" + NS,
                "PersistentVolumeClaim/kafka-data", "StatefulSet/kafka", "Service/kafka",
                "Secret/minio-env", "PersistentVolumeClaim/minio-data", "StatefulSet/minio", "Service/minio",
                "Secret/warehouse-env", "PersistentVolumeClaim/warehouse-data", "StatefulSet/warehouse", "Service/warehouse",
                "Deployment/llm", "Service/llm");
    }

    @Test
    void everyObjectIsLabelledForTheEnvironmentAndNamespaced() {
        Namespace ns = (Namespace) parsed.getFirst();
        assertThat(ns.getMetadata().getLabels()).containsEntry(Labels.ENVIRONMENT, "data-pipeline")
                .containsEntry("app.kubernetes.io/managed-by", "outpost");
        assertThat(ns.getMetadata().getAnnotations()).containsEntry(Labels.PROFILE_DIGEST, plan.digest());
        for (HasMetadata o : parsed.subList(1, parsed.size())) {
            String service = o.getMetadata().getLabels().get(Labels.SERVICE);
            assertThat(o.getMetadata().getNamespace()).as(o.getMetadata().getName()).isEqualTo(NS);
            assertThat(o.getMetadata().getLabels()).as(o.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/name", service)
                    .containsEntry("app.kubernetes.io/instance", "data-pipeline")
                    .containsEntry("app.kubernetes.io/managed-by", "outpost")
                    .containsEntry(Labels.ENVIRONMENT, "data-pipeline");
            assertThat(o.getMetadata().getAnnotations()).containsEntry(Labels.SERVICE_DIGEST,
                    plan.service(service).orElseThrow().digest());
        }
    }

    @Test
    void secretEnvGoesThroughSecretKeyRefsAndNoSecretValueIsPlain() {
        StatefulSet warehouse = get(StatefulSet.class, "warehouse");
        Container c = warehouse.getSpec().getTemplate().getSpec().getContainers().getFirst();
        EnvVar password = c.getEnv().stream().filter(e -> e.getName().equals("POSTGRES_PASSWORD")).findFirst().orElseThrow();
        assertThat(password.getValue()).isNull();
        assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("warehouse-env");
        assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("POSTGRES_PASSWORD");
        assertThat(c.getEnv()).filteredOn(e -> e.getName().equals("POSTGRES_USER")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo("outpost"));

        String generated = secrets.peek("data-pipeline", "warehouse", "password").orElseThrow();
        Secret secret = get(Secret.class, "warehouse-env");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("POSTGRES_PASSWORD")), StandardCharsets.UTF_8))
                .isEqualTo(generated);
        for (HasMetadata o : parsed) {
            if (!(o instanceof Secret)) {
                assertThat(Serialization.asYaml(o)).as(o.getMetadata().getName()).doesNotContain(generated);
            }
        }
    }

    @Test
    void servicesCarryTheNamedPortsAndProbesFollowTheCatalog() {
        Service minio = get(Service.class, "minio");
        assertThat(minio.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(minio.getSpec().getPorts()).extracting(ServicePort::getName, ServicePort::getPort, ServicePort::getProtocol)
                .contains(org.assertj.core.groups.Tuple.tuple("s3", 9000, "TCP"));
        assertThat(minio.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", "minio");

        Container minioC = get(StatefulSet.class, "minio").getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(minioC.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("s3");
        assertThat(minioC.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/minio/health/ready");
        assertThat(minioC.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("s3");
            assertThat(p.getContainerPort()).isEqualTo(9000);
        });

        Container pg = get(StatefulSet.class, "warehouse").getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(pg.getReadinessProbe().getExec().getCommand()).startsWith("pg_isready");

        Container kafka = get(StatefulSet.class, "kafka").getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(kafka.getReadinessProbe()).as("log readiness has no Kubernetes probe").isNull();
    }

    @Test
    void volumesBecomeClaimsMountedByAStatefulSet() {
        StatefulSet pg = get(StatefulSet.class, "warehouse");
        assertThat(pg.getSpec().getReplicas()).isEqualTo(1);
        assertThat(pg.getSpec().getServiceName()).isEqualTo("warehouse");
        assertThat(pg.getSpec().getTemplate().getSpec().getVolumes()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo("data");
            assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("warehouse-data");
        });
        assertThat(pg.getSpec().getTemplate().getSpec().getContainers().getFirst().getVolumeMounts())
                .singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/var/lib/postgresql/data"));
        PersistentVolumeClaim claim = get(PersistentVolumeClaim.class, "warehouse-data");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getSpec().getResources().getRequests()).containsKey("storage");
    }

    @Test
    void resourcesAndGpuLimitAndCommand() {
        Container pg = get(StatefulSet.class, "warehouse").getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(pg.getResources().getRequests()).containsEntry("cpu", new Quantity("250m"))
                .containsEntry("memory", new Quantity("256Mi"));
        assertThat(pg.getResources().getLimits()).containsEntry("memory", new Quantity("1Gi"))
                .doesNotContainKey(ManifestRenderer.GPU_RESOURCE);

        Container llm = get(Deployment.class, "llm").getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(llm.getResources().getLimits()).containsEntry(ManifestRenderer.GPU_RESOURCE, new Quantity("1"));
        assertThat(llm.getCommand()).containsExactly("/bin/ollama");
        assertThat(llm.getArgs()).containsExactly("serve");
        assertThat(get(Deployment.class, "llm").getSpec().getTemplate().getSpec().getEnableServiceLinks()).isFalse();
    }

    @Test
    void yamlForPeopleHidesSecretValues() {
        List<HasMetadata> objects = new ManifestRenderer().render(plan, secrets);
        String generated = secrets.peek("data-pipeline", "warehouse", "password").orElseThrow();
        String encoded = Base64.getEncoder().encodeToString(generated.getBytes(StandardCharsets.UTF_8));
        String shown = ManifestRenderer.toYaml(objects, false);
        assertThat(shown).doesNotContain(generated).doesNotContain(encoded).contains("<redacted>");
        assertThat(ManifestRenderer.toYaml(objects, true)).contains(encoded);
    }

    @Test
    void renderingTwiceGivesTheSameObjects() {
        assertThat(new ManifestRenderer().render(plan, secrets)).isEqualTo(new ManifestRenderer().render(plan, secrets));
    }

    private <T extends HasMetadata> T get(Class<T> kind, String name) {
        return parsed.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " in "
                        + parsed.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList()));
    }

}
