package dev.outpost.stack.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.catalog.ProfileOrigin;
import dev.outpost.profiles.validation.Problem;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogServiceTest {
    @TempDir
    Path data;

    private CatalogService service() {
        return new CatalogService(data, Optional::empty, Optional::empty);
    }

    @Test
    void createsAValidProfileThatListsAsTheUsersOwn() throws Exception {
        CatalogService s = service();
        var created = s.create(new NewProfile("my-idea", "Quick test: of quoting", Runtime.DOCKER,
                List.of("postgres:17", "redis"), "ada"));

        assertThat(created.problems()).isEmpty();
        Path file = created.file().orElseThrow();
        assertThat(file).isEqualTo(s.userProfilesDirectory().resolve("my-idea.yaml"));
        assertThat(Files.readString(file)).contains("description: \"Quick test: of quoting\"", "version: \"17\"");
        CatalogSnapshot snap = s.load();
        assertThat(snap.result().problems()).isEmpty();
        assertThat(snap.profiles()).filteredOn(e -> e.name().equals("my-idea")).singleElement()
                .satisfies(e -> {
                    assertThat(e.origin()).isEqualTo(ProfileOrigin.USER);
                    assertThat(e.services()).containsExactly("postgres:17", "redis");
                });
    }

    @Test
    void anInvalidRequestWritesNothing() throws Exception {
        CatalogService s = service();
        var created = s.create(new NewProfile("bad", null, null, List.of("postgres:99"), null));
        assertThat(created.file()).isEmpty();
        assertThat(created.problems()).extracting(Problem::message)
                .containsExactly("\"99\" is not offered by catalog service postgres (offered: 15, 16, 17)");
        assertThat(s.userProfilesDirectory()).doesNotExist();
    }

    @Test
    void neverOverwritesAnExistingProfile() throws Exception {
        CatalogService s = service();
        assertThat(s.create(new NewProfile("web-backend", null, null, List.of("redis"), null)).problems())
                .extracting(Problem::message).containsExactly("a profile named \"web-backend\" already exists");

        Files.createDirectories(s.userProfilesDirectory());
        Path existing = Files.writeString(s.userProfilesDirectory().resolve("mine.yaml"), "hand edit, not yet valid");
        assertThatThrownBy(() -> s.create(new NewProfile("mine", null, null, List.of("redis"), null)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("hand edit, not yet valid");
    }

    @Test
    void validatesAFileAgainstTheCatalog() throws Exception {
        Path f = Files.writeString(data.resolve("p.yaml"),
                "apiVersion: outpost.dev/v1\nkind: Profile\nmetadata: {name: p}\nspec:\n  services:\n    - use: redis\n      version: 6\n");
        assertThat(service().validate(f)).extracting(Problem::toString).containsExactly(
                f + ":7:16 spec.services[0].version: \"6\" is not offered by catalog service redis (offered: 7.2, 7.4, 8.0)");
    }
}
