package dev.outpost.profiles.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.model.Profile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverTest {
    private final Catalog catalog = new CatalogLoader().load(List.of(BuiltInCatalog.layer())).catalog();

    private Profile sample(String name) {
        return catalog.profile(name).orElseThrow().profile();
    }

    @Test
    void resolvesTheWebBackendThroughTheMirror() {
        Plan plan = new Resolver(catalog, new ResolveOptions("127.0.0.1:5000", Runtime.DOCKER)).resolve(sample("web-backend"));

        assertThat(plan.runtime()).isEqualTo(Runtime.DOCKER);
        assertThat(plan.services()).extracting(Plan.Service::image).containsExactly(
                "127.0.0.1:5000/library/postgres:16", "127.0.0.1:5000/library/redis:7.4",
                "127.0.0.1:5000/library/rabbitmq:4.1-management");
        Plan.Service pg = plan.service("postgres").orElseThrow();
        assertThat(pg.ports()).containsExactly(new Plan.Port("sql", 5432, 5432, "127.0.0.1",
                dev.outpost.profiles.model.ServiceTemplate.Protocol.TCP));
        assertThat(pg.connection()).containsEntry("url", "postgresql://outpost:{{secret:password}}@127.0.0.1:5432/app");
        assertThat(pg.secrets()).containsExactly("password");
        assertThat(pg.volumes()).extracting(Plan.Volume::mountPath).containsExactly("/var/lib/postgresql/data");
        assertThat(plan.stopAfter()).contains(Duration.ofHours(2));
        assertThat(plan.cluster()).isEmpty();
    }

    @Test
    void idlePolicyKeepsWhatTheProfileSaysAndLeavesTheRestToSettings() {
        Plan rag = new Resolver(catalog, new ResolveOptions(null, Runtime.DOCKER)).resolve(sample("rag-prototype"));
        assertThat(rag.idle()).isEqualTo(new Plan.Idle(java.util.Optional.of(Duration.ofMinutes(30)), false,
                java.util.Optional.of(5.0), java.util.Optional.of(Duration.ofMinutes(10)),
                java.util.Optional.of(Duration.ofMinutes(15))));

        Plan web = new Resolver(catalog, new ResolveOptions(null, Runtime.DOCKER)).resolve(sample("web-backend"));
        assertThat(web.idle().cpuThreshold()).isEmpty();
        assertThat(web.idle().neverStop()).isFalse();
    }

    @Test
    void portOverridesRenamesAndClustersApply() {
        Plan plan = new Resolver(catalog, ResolveOptions.defaults()).resolve(sample("data-pipeline"));
        assertThat(plan.runtime()).isEqualTo(Runtime.K3D);
        Plan.Service warehouse = plan.service("warehouse").orElseThrow();
        assertThat(warehouse.template()).isEqualTo("postgres");
        assertThat(warehouse.ports()).extracting(Plan.Port::hostPort).containsExactly(5433);
        assertThat(warehouse.connection().get("url")).contains("@127.0.0.1:5433/app");
        assertThat(plan.cluster()).get().satisfies(c -> {
            assertThat(c.name()).isEqualTo("data-pipeline");
            assertThat(c.workers()).isEqualTo(1);
            assertThat(c.kubernetesVersion()).isEqualTo("v1.33.1");
        });
        assertThat(plan.service("kafka").orElseThrow().image()).isEqualTo("docker.io/apache/kafka:4.0.0");
    }

    @Test
    void digestsAreStableAndFollowChanges() {
        Resolver r = new Resolver(catalog, ResolveOptions.defaults());
        Plan a = r.resolve(sample("web-backend"));
        Plan b = r.resolve(sample("web-backend"));
        assertThat(a.digest()).isEqualTo(b.digest()).startsWith("sha256:");

        Profile p = sample("web-backend");
        List<Profile.ServiceUse> services = List.of(new Profile.ServiceUse("postgres", "17", null, null, null),
                p.spec().services().get(1), p.spec().services().get(2));
        Profile changed = new Profile(p.apiVersion(), p.kind(), p.metadata(), new Profile.Spec(p.spec().runtime(),
                null, services, null, null, p.spec().idle()));
        Plan c = r.resolve(changed);
        assertThat(c.digest()).isNotEqualTo(a.digest());
        assertThat(c.service("postgres").orElseThrow().digest()).isNotEqualTo(a.service("postgres").orElseThrow().digest());
        assertThat(c.service("redis").orElseThrow().digest()).isEqualTo(a.service("redis").orElseThrow().digest());
    }

    @Test
    void imageReferencesFollowDockerRules() {
        assertThat(ImageReference.parse("postgres:16").toString()).isEqualTo("docker.io/library/postgres:16");
        assertThat(ImageReference.parse("minio/minio").toString()).isEqualTo("docker.io/minio/minio:latest");
        assertThat(ImageReference.parse("localhost:5000/app:1").registry()).isEqualTo("localhost:5000");
        assertThat(ImageReference.parse("quay.io/minio/minio:RELEASE.x").throughMirror("mirror.corp").toString())
                .isEqualTo("quay.io/minio/minio:RELEASE.x");
        assertThat(ImageReference.parse("redis:7.4").throughMirror("https://mirror.corp/dockerhub/").toString())
                .isEqualTo("mirror.corp/dockerhub/library/redis:7.4");
        assertThat(ImageReference.parse("ollama/ollama@sha256:abc").tag()).isEqualTo("@sha256:abc");
    }
}
