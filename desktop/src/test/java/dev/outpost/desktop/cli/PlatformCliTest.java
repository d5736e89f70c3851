package dev.outpost.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.desktop.AppServices;
import dev.outpost.desktop.TestServices;
import dev.outpost.desktop.UpstreamRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole loop a new user goes through, against a real bare Git repository. */
class PlatformCliTest {
    @TempDir
    Path tmp;

    private AppServices services;
    private Path bare;
    private Path upstreamWork;
    private StringWriter out;

    @BeforeEach
    void platform() throws Exception {
        services = TestServices.withChecks(tmp.resolve("home"), TestServices.typicalLaptop());
        UpstreamRepo upstream = UpstreamRepo.create(tmp)
                .commit("profiles/team/search.yaml", UpstreamRepo.profile("search", "opensearch"), "Team search profile");
        bare = upstream.bare;
        upstreamWork = upstream.work;
    }

    private int run(String... args) {
        out = new StringWriter();
        return Cli.run(args, services, new PrintWriter(out), new PrintWriter(new StringWriter()));
    }

    private JsonNode json() {
        return JsonMapper.builder().build().readTree(out.toString());
    }

    @Test
    void setSyncSeeTeamProfilesCreateAndPush() throws Exception {
        assertThat(run("platform", "set", bare.toString(), "--user", "ann", "--json")).isZero();
        assertThat(json().get("configured").asBoolean()).isTrue();

        assertThat(run("profile", "sync", "--json")).isZero();
        assertThat(json().get("result").asString()).isEqualTo("updated");
        assertThat(json().get("changes").toString()).contains("search.yaml");

        assertThat(run("profile", "list", "--json")).isZero();
        assertThat(json().findValuesAsString("name")).contains("search", "web-backend");
        assertThat(out.toString()).contains("\"origin\" : \"team\"");

        assertThat(run("profile", "new", "ann-rag", "-s", "qdrant", "-s", "postgres:17")).isZero();
        assertThat(out.toString()).contains("profiles/users/ann/ann-rag.yaml");

        assertThat(run("profile", "push", "--json")).isZero();
        assertThat(json().get("result").asString()).isEqualTo("pushed");
        try (Git git = Git.open(upstreamWork.toFile())) {
            git.pull().setRemote("origin").setRemoteBranchName("main").call();
        }
        assertThat(upstreamWork.resolve("profiles/users/ann/ann-rag.yaml")).content().contains("name: ann-rag");
    }

    @Test
    void anInvalidUpstreamIsRefusedAndTheLastGoodStaysInUse() throws Exception {
        run("platform", "set", bare.toString(), "--user", "ann");
        assertThat(run("profile", "sync")).isZero();

        try (Git git = Git.open(upstreamWork.toFile())) {
            Files.writeString(upstreamWork.resolve("profiles/team/search.yaml"),
                    Files.readString(upstreamWork.resolve("profiles/team/search.yaml")).replace("opensearch", "elastic"));
            git.commit().setAll(true).setMessage("Switch to elastic").setAuthor("Bob", "bob@example.com").call();
            git.push().setRefSpecs(new RefSpec("main:main")).call();
        }
        assertThat(run("profile", "sync")).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).contains("(Bob <bob@example.com>: Switch to elastic) is invalid and was not taken")
                .contains("profiles/team/search.yaml:8:12 spec.services[0].use: \"elastic\" is not a service in the catalog")
                .contains("Still using");

        assertThat(run("profile", "show", "search")).isZero();
        assertThat(out.toString()).contains("opensearch");
    }

    @Test
    void showWithoutAPlatformSaysTheBuiltInCatalogIsInUse() {
        assertThat(run("platform", "show")).isZero();
        assertThat(out.toString()).contains("No platform configured: the built-in catalog is in use.");
        assertThat(run("profile", "sync")).isEqualTo(ExitCodes.FAILURE);
    }
}
