package dev.outpost.stack.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.stack.environment.SecretStore;
import dev.outpost.stack.kube.ManifestApplier.Applied;
import dev.outpost.stack.kube.ManifestApplier.Outcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against fabric8's CRUD mock with {@link FakeApiServer}'s stand-in for server-side apply: checks the
 * requests (apply-patch, field manager, force) and the outcomes the applier derives from what the
 * server returns. Field ownership itself is a real API server's job and is not exercised here.
 */
class ManifestApplierTest {
    private static final String NS = "outpost-data-pipeline";

    private final SecretStore secrets = new SecretStore(new MapTokenStore());
    private final ManifestRenderer renderer = new ManifestRenderer();
    private FakeApiServer server;
    private KubernetesClient client;
    private ManifestApplier applier;
    private Plan plan;

    @BeforeEach
    void start() {
        server = new FakeApiServer();
        client = server.client();
        applier = new ManifestApplier(client);
        plan = TestPlans.dataPipeline();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void firstApplyCreatesEverythingThroughServerSideApply() {
        List<HasMetadata> objects = renderer.render(plan, secrets);
        List<Applied> applied = applier.apply(objects);

        assertThat(applied).hasSize(objects.size()).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.CREATED));
        assertThat(applied).filteredOn(a -> a.kind().equals("StatefulSet")).extracting(Applied::service)
                .containsExactly("kafka", "minio", "warehouse");
        assertThat(client.apps().statefulSets().inNamespace(NS).withName("warehouse").get()).isNotNull();
        assertThat(client.secrets().inNamespace(NS).withName("warehouse-env").get().getData()).containsKey("POSTGRES_PASSWORD");
        assertThat(server.applies()).hasSize(objects.size()).allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/apply-patch+yaml");
            assertThat(r.path()).contains("fieldManager=outpost").contains("force=true");
        });
    }

    @Test
    void secondApplyOfTheSamePlanChangesNothing() {
        applier.apply(renderer.render(plan, secrets));
        List<Applied> again = applier.apply(renderer.render(plan, secrets));
        assertThat(again).isNotEmpty().allSatisfy(a -> assertThat(a.outcome()).as(a.toString()).isEqualTo(Outcome.UNCHANGED));
    }

    @Test
    void aChangedServiceIsUpdatedInPlaceAndTheRestIsLeftAlone() {
        applier.apply(renderer.render(plan, secrets));
        String uid = client.apps().statefulSets().inNamespace(NS).withName("warehouse").get().getMetadata().getUid();

        Plan changed = TestPlans.changing(plan, "warehouse", s -> TestPlans.withImage(s, "docker.io/library/postgres:17"));
        List<Applied> applied = applier.apply(renderer.render(changed, secrets));

        assertThat(applied).filteredOn(a -> a.outcome() == Outcome.CHANGED).extracting(Applied::toString)
                .containsExactlyInAnyOrder("StatefulSet " + NS + "/warehouse: changed",
                        // the namespace carries the profile digest, which every plan change moves
                        "Namespace " + NS + ": changed",
                        // the service digest annotation on each of its objects moves with the image
                        "Secret " + NS + "/warehouse-env: changed", "PersistentVolumeClaim " + NS + "/warehouse-data: changed",
                        "Service " + NS + "/warehouse: changed");
        assertThat(applied).filteredOn(a -> !a.service().equals("warehouse") && !a.kind().equals("Namespace"))
                .allSatisfy(a -> assertThat(a.outcome()).as(a.toString()).isEqualTo(Outcome.UNCHANGED));
        StatefulSet now = client.apps().statefulSets().inNamespace(NS).withName("warehouse").get();
        assertThat(now.getMetadata().getUid()).as("updated in place, not recreated").isEqualTo(uid);
        assertThat(now.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .isEqualTo("docker.io/library/postgres:17");
    }

    @Test
    void statusWrittenByTheClusterIsNotReportedAsAChange() {
        applier.apply(renderer.render(plan, secrets));
        StatefulSet st = client.apps().statefulSets().inNamespace(NS).withName("minio").get();
        st.setStatus(new io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder().withReplicas(1).withReadyReplicas(1).build());
        client.resource(st).updateStatus();

        assertThat(applier.apply(renderer.render(plan, secrets)))
                .allSatisfy(a -> assertThat(a.outcome()).as(a.toString()).isEqualTo(Outcome.UNCHANGED));
        assertThat(client.apps().statefulSets().inNamespace(NS).withName("minio").get().getStatus().getReadyReplicas())
                .isEqualTo(1);
    }

    @Test
    void aRemovedServiceIsPrunedButItsClaimIsKeptUntilPurge() {
        applier.apply(renderer.render(plan, secrets));
        List<HasMetadata> without = renderer.render(TestPlans.without(plan, "minio"), secrets);
        applier.apply(without);

        List<Applied> pruned = applier.prune(plan.profile(), without, false);

        assertThat(pruned).extracting(Applied::toString).containsExactlyInAnyOrder(
                "StatefulSet " + NS + "/minio: deleted", "Service " + NS + "/minio: deleted",
                "Secret " + NS + "/minio-env: deleted");
        assertThat(client.apps().statefulSets().inNamespace(NS).withName("minio").get()).isNull();
        assertThat(client.apps().statefulSets().inNamespace(NS).withName("warehouse").get()).isNotNull();
        assertThat(client.persistentVolumeClaims().inNamespace(NS).withName("minio-data").get()).isNotNull();
        assertThat(client.namespaces().withName(NS).get()).isNotNull();

        assertThat(applier.prune(plan.profile(), without, true)).extracting(Applied::toString)
                .containsExactly("PersistentVolumeClaim " + NS + "/minio-data: deleted");
    }

    @Test
    void purgeWithNothingToKeepTakesTheWholeEnvironment() {
        applier.apply(renderer.render(plan, secrets));
        List<Applied> gone = applier.prune(plan.profile(), List.of(), true);
        assertThat(gone).extracting(Applied::kind).contains("Namespace", "PersistentVolumeClaim", "StatefulSet");
        assertThat(client.namespaces().withName(NS).get()).isNull();
        assertThat(client.persistentVolumeClaims().inNamespace(NS).list().getItems()).isEmpty();
    }

    @Test
    void extraManifestsCopiedFromAClusterLoseServerFieldsBeforeApply() {
        applier.apply(renderer.render(plan, secrets));
        io.fabric8.kubernetes.api.model.ConfigMap copied = new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("settings").withNamespace(NS).withResourceVersion("999").withUid("abc")
                .addToLabels(dev.outpost.stack.environment.Labels.ENVIRONMENT, plan.profile()).endMetadata()
                .addToData("a", "1").build();
        assertThat(applier.apply(List.of(copied))).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(Outcome.CREATED));
        assertThat(server.applies().getLast().body()).doesNotContain("999").doesNotContain("\"abc\"");
    }
}
