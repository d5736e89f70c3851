package dev.outpost.profiles.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.model.ServiceTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInCatalogTest {
    private final LoadResult loaded = new CatalogLoader().load(List.of(BuiltInCatalog.layer()));

    @Test
    void theShippedCatalogIsValid() {
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.filesRead()).isEqualTo(13);
    }

    @Test
    void offersTheNineServicesAndThreeSamples() {
        Catalog c = loaded.catalog();
        assertThat(c.templates().keySet()).containsExactly("kafka", "minio", "mongodb", "ollama", "opensearch",
                "postgres", "qdrant", "rabbitmq", "redis");
        assertThat(c.profiles()).extracting(Catalog.CatalogProfile::name)
                .containsExactlyInAnyOrder("web-backend", "data-pipeline", "rag-prototype");
        assertThat(c.profiles()).extracting(Catalog.CatalogProfile::origin).containsOnly(ProfileOrigin.BUILT_IN);
        assertThat(c.platform()).get().extracting(p -> p.document().spec().defaultRuntime()).isEqualTo(Runtime.DOCKER);
    }

    @Test
    void templatesBindEveryField() {
        ServiceTemplate.Spec pg = loaded.catalog().template("postgres").orElseThrow().spec();
        assertThat(pg.versions().offered()).containsExactly("15", "16", "17");
        assertThat(pg.versions().defaultVersion()).isEqualTo("16");
        assertThat(pg.image()).isEqualTo("docker.io/library/postgres:{{version}}");
        assertThat(pg.ports()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("sql");
            assertThat(p.containerPort()).isEqualTo(5432);
        });
        assertThat(pg.readiness().exec()).startsWith("pg_isready");
        assertThat(pg.env()).containsEntry("POSTGRES_PASSWORD", "{{secret:password}}");
        assertThat(loaded.catalog().template("ollama").orElseThrow().spec().gpu()).isTrue();
    }
}
