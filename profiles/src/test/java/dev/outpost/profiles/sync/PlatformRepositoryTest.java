package dev.outpost.profiles.sync;

import static dev.outpost.profiles.sync.Upstream.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.credentials.MapTokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync against a bare repository on disk, as a platform repository reached by path. */
class PlatformRepositoryTest {
    private static final String POSTGRES = "catalog/services/postgres.yaml";
    private static final String ML = "profiles/team/ml.yaml";
    private static final String WEB = "profiles/team/web.yaml";
    private static final String ANN_LOCAL = "profiles/users/ann/scratch.yaml";

    @TempDir
    Path tmp;

    private Upstream upstream;
    private RevCommit first;
    private final MarkedInvalid validator = new MarkedInvalid();

    @BeforeEach
    void seed() throws Exception {
        upstream = Upstream.create(tmp.resolve("server"));
        first = upstream.commit("Initial platform", files(
                "platform.yaml", "name: acme\n",
                POSTGRES, "versions: [15, 16]\n",
                ML, "services: [postgres]\n",
                "README.md", "The ACME platform\n"));
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    private PlatformRepository repo(String dir) {
        return new PlatformRepository(PlatformConfig.of(upstream.bareDir().toString(), "ann"), tmp.resolve(dir),
                new MapTokenStore(), validator);
    }

    private static SyncResult.Updated updated(SyncResult r) {
        assertThat(r).isInstanceOf(SyncResult.Updated.class);
        return (SyncResult.Updated) r;
    }

    @Test
    void firstSyncClonesTheValidatedVersionAndReportsEverythingAdded() throws Exception {
        PlatformRepository platform = repo("clone");
        assertThat(platform.lastGood()).isEmpty();
        assertThat(platform.currentTree()).isEmpty();
        List<String> tasks = new ArrayList<>();

        SyncResult.Updated r = updated(platform.sync((task, done, total) -> tasks.add(task), CancellationToken.NONE));

        assertThat(r.current().commitId()).isEqualTo(first.name());
        assertThat(r.current().subject()).isEqualTo("Initial platform");
        ChangeSummary s = r.changes();
        assertThat(s.fromCommit()).isEmpty();
        assertThat(s.toCommit()).isEqualTo(first.name());
        assertThat(s.profiles()).isEqualTo(new PathChanges(List.of(ML), List.of(), List.of()));
        assertThat(s.catalog()).isEqualTo(new PathChanges(List.of(POSTGRES), List.of(), List.of()));
        assertThat(s.platformChanged()).isTrue();
        assertThat(s.other().added()).containsExactly("README.md");
        assertThat(s.describe()).contains("Profiles added: " + ML, "Catalog added: " + POSTGRES, "platform.yaml changed");
        assertThat(r.conflicts()).isEmpty();

        Path tree = platform.currentTree().orElseThrow();
        assertThat(tree).isEqualTo(tmp.resolve("clone"));
        assertThat(tree.resolve(ML)).hasContent("services: [postgres]");
        assertThat(tree.resolve("platform.yaml")).hasContent("name: acme");
        assertThat(platform.lastGood()).map(LastGood::commitId).contains(first.name());
        assertThat(tasks).contains("Validating " + first.abbreviate(7).name());
        // The validator saw a private copy, gone once it had answered; never the live tree.
        assertThat(validator.treesSeen).singleElement().satisfies(p -> {
            assertThat(p).isNotEqualTo(tree);
            assertThat(p).doesNotExist();
        });
    }

    @Test
    void laterSyncReportsProfilesAndCatalogAddedRemovedAndChanged() throws Exception {
        PlatformRepository platform = repo("clone");
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        RevCommit second = upstream.commit("Rework profiles", files(
                ML, null,
                WEB, "services: [postgres, redis]\n",
                "profiles/users/bob/mine.yaml", "services: []\n",
                POSTGRES, "versions: [16, 17]\n",
                "catalog/services/redis.yaml", "versions: [7]\n"));

        SyncResult.Updated r = updated(platform.sync(SyncListener.NONE, CancellationToken.NONE));

        ChangeSummary s = r.changes();
        assertThat(s.fromCommit()).contains(first.name());
        assertThat(s.toCommit()).isEqualTo(second.name());
        assertThat(s.profiles()).isEqualTo(new PathChanges(List.of(WEB, "profiles/users/bob/mine.yaml"),
                List.of(ML), List.of()));
        assertThat(s.catalog()).isEqualTo(new PathChanges(List.of("catalog/services/redis.yaml"), List.of(),
                List.of(POSTGRES)));
        assertThat(s.platformChanged()).isFalse();
        Path tree = platform.currentTree().orElseThrow();
        assertThat(tree.resolve(ML)).doesNotExist();
        assertThat(tree.resolve("profiles/team")).isDirectory();
        assertThat(tree.resolve(WEB)).hasContent("services: [postgres, redis]");
        assertThat(tree.resolve(POSTGRES)).hasContent("versions: [16, 17]");

        assertThat(platform.sync(SyncListener.NONE, CancellationToken.NONE))
                .isEqualTo(new SyncResult.UpToDate(platform.lastGood().orElseThrow()));
    }

    @Test
    void anInvalidUpstreamCommitIsReportedAndTheLastGoodVersionStaysInUse() throws Exception {
        PlatformRepository platform = repo("clone");
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        Path tree = platform.currentTree().orElseThrow();
        RevCommit bad = upstream.commit("Break the catalog\n\nLonger story.", files(
                POSTGRES, "versions: [16]\ninvalid: true\n",
                WEB, "services: [postgres]\n"));

        SyncResult r = platform.sync(SyncListener.NONE, CancellationToken.NONE);

        assertThat(r).isInstanceOf(SyncResult.Rejected.class);
        SyncResult.Rejected rejected = (SyncResult.Rejected) r;
        assertThat(rejected.commit().commitId()).isEqualTo(bad.name());
        assertThat(rejected.commit().shortId()).isEqualTo(bad.abbreviate(7).name());
        assertThat(rejected.commit().author()).isEqualTo("Pat Platform <pat@example.com>");
        assertThat(rejected.commit().subject()).isEqualTo("Break the catalog");
        assertThat(rejected.problems()).containsExactly(POSTGRES + ": marked invalid");
        assertThat(rejected.stillInUse()).map(LastGood::commitId).contains(first.name());
        assertThat(platform.lastGood()).map(LastGood::commitId).contains(first.name());
        assertThat(tree.resolve(POSTGRES)).hasContent("versions: [15, 16]");
        assertThat(tree.resolve(WEB)).doesNotExist();

        RevCommit fixed = upstream.commit("Fix the catalog", files(POSTGRES, "versions: [16]\n"));
        SyncResult.Updated r2 = updated(platform.sync(SyncListener.NONE, CancellationToken.NONE));

        assertThat(r2.current().commitId()).isEqualTo(fixed.name());
        // Measured from the last version in use, so the bad commit's changes are reported too.
        assertThat(r2.changes().fromCommit()).contains(first.name());
        assertThat(r2.changes().profiles().added()).containsExactly(WEB);
        assertThat(r2.changes().catalog().changed()).containsExactly(POSTGRES);
        assertThat(tree.resolve(POSTGRES)).hasContent("versions: [16]");
    }

    @Test
    void anInvalidFirstVersionLeavesNothingInUse() throws Exception {
        upstream.commit("Oops", files(ML, "invalid: true\n"));
        PlatformRepository platform = repo("clone");

        SyncResult.Rejected r = (SyncResult.Rejected) platform.sync(SyncListener.NONE, CancellationToken.NONE);

        assertThat(r.stillInUse()).isEmpty();
        assertThat(platform.lastGood()).isEmpty();
        assertThat(platform.currentTree()).isEmpty();
        assertThat(tmp.resolve("clone").resolve(ML)).doesNotExist();
    }

    @Test
    void aForcePushedUpstreamIsValidatedAndTakenAndLocalEditsSurvive() throws Exception {
        RevCommit second = upstream.commit("Add web", files(WEB, "services: [nginx]\n"));
        PlatformRepository platform = repo("clone");
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        Path mine = platform.userProfiles().resolve("scratch.yaml");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "services: [postgres]\n");

        RevCommit rewritten = upstream.rewriteTip("Add web, properly", files(WEB, "services: [caddy]\n",
                "catalog/services/caddy.yaml", "versions: [2]\n"));
        SyncResult.Updated r = updated(platform.sync(SyncListener.NONE, CancellationToken.NONE));

        assertThat(rewritten.getParent(0)).isEqualTo(first);
        assertThat(r.current().commitId()).isEqualTo(rewritten.name());
        assertThat(r.changes().fromCommit()).contains(second.name());
        assertThat(r.changes().profiles().changed()).containsExactly(WEB);
        assertThat(r.changes().catalog().added()).containsExactly("catalog/services/caddy.yaml");
        assertThat(validator.treesSeen).hasSize(2);
        Path tree = platform.currentTree().orElseThrow();
        assertThat(tree.resolve(WEB)).hasContent("services: [caddy]");
        assertThat(mine).hasContent("services: [postgres]");

        PushResult pushed = platform.push(SyncListener.NONE, CancellationToken.NONE);
        assertThat(pushed).isInstanceOf(PushResult.Pushed.class);
        assertThat(upstream.read(ANN_LOCAL)).isEqualTo("services: [postgres]\n");
        assertThat(upstream.tip().getParent(0)).isEqualTo(rewritten);
    }

    @Test
    void syncTakesUpstreamChangesToUnEditedUserFilesAndKeepsEditedOnes() throws Exception {
        upstream.commit("Ann's profiles", files(
                "profiles/users/ann/a.yaml", "a: 1\n",
                "profiles/users/ann/b.yaml", "b: 1\n"));
        PlatformRepository platform = repo("clone");
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        Path dir = platform.userProfiles();
        Files.writeString(dir.resolve("b.yaml"), "b: local\n");
        Files.writeString(dir.resolve("c.yaml"), "c: local\n");
        Files.writeString(tmp.resolve("clone").resolve(POSTGRES), "tampered\n");

        upstream.commit("Ann, from her other laptop", files(
                "profiles/users/ann/a.yaml", "a: 2\n",
                ML, "services: [postgres, redis]\n"));
        SyncResult.Updated r = updated(platform.sync(SyncListener.NONE, CancellationToken.NONE));

        assertThat(r.conflicts()).isEmpty();
        assertThat(dir.resolve("a.yaml")).hasContent("a: 2");
        assertThat(dir.resolve("b.yaml")).hasContent("b: local");
        assertThat(dir.resolve("c.yaml")).hasContent("c: local");
        // Outside the user's directory the validated version wins.
        assertThat(tmp.resolve("clone").resolve(POSTGRES)).hasContent("versions: [15, 16]");
    }

    @Test
    void pushSendsOnlyTheUsersOwnDirectory() throws Exception {
        PlatformRepository platform = repo("clone");
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        Path dir = platform.userProfiles();
        Files.createDirectories(dir.resolve("nested"));
        Files.writeString(dir.resolve("scratch.yaml"), "services: [postgres]\n");
        Files.writeString(dir.resolve("nested/deep.yaml"), "services: []\n");
        Files.writeString(dir.resolve(".scratch.yaml.swp"), "editor junk");
        Files.writeString(tmp.resolve("clone").resolve(POSTGRES), "local change to the catalog\n");

        PushResult r = platform.push(SyncListener.NONE, CancellationToken.NONE);

        assertThat(r).isEqualTo(new PushResult.Pushed(upstream.tip().name(),
                List.of("profiles/users/ann/nested/deep.yaml", ANN_LOCAL), 1));
        assertThat(upstream.read(ANN_LOCAL)).isEqualTo("services: [postgres]\n");
        assertThat(upstream.read("profiles/users/ann/nested/deep.yaml")).isEqualTo("services: []\n");
        assertThat(upstream.read("profiles/users/ann/.scratch.yaml.swp")).isNull();
        assertThat(upstream.read(POSTGRES)).isEqualTo("versions: [15, 16]\n");
        RevCommit pushed = upstream.tip();
        assertThat(pushed.getParent(0)).isEqualTo(first);
        assertThat(pushed.getAuthorIdent().getName()).isEqualTo("ann");
        assertThat(pushed.getShortMessage()).isEqualTo("Profiles of ann: add nested/deep.yaml, scratch.yaml");

        assertThat(platform.push(SyncListener.NONE, CancellationToken.NONE)).isEqualTo(new PushResult.NothingToPush());

        Files.delete(dir.resolve("scratch.yaml"));
        Files.writeString(dir.resolve("nested/deep.yaml"), "services: [redis]\n");
        PushResult second = platform.push(SyncListener.NONE, CancellationToken.NONE);
        assertThat(second).isInstanceOf(PushResult.Pushed.class);
        assertThat(upstream.read(ANN_LOCAL)).isNull();
        assertThat(upstream.read("profiles/users/ann/nested/deep.yaml")).isEqualTo("services: [redis]\n");
        assertThat(upstream.tip().getShortMessage()).isEqualTo("Profiles of ann: change nested/deep.yaml; remove scratch.yaml");

        SyncResult.Updated afterwards = updated(platform.sync(SyncListener.NONE, CancellationToken.NONE));
        assertThat(afterwards.conflicts()).isEmpty();
        assertThat(dir.resolve("scratch.yaml")).doesNotExist();
        assertThat(dir.resolve("nested/deep.yaml")).hasContent("services: [redis]");
        assertThat(platform.push(SyncListener.NONE, CancellationToken.NONE)).isEqualTo(new PushResult.NothingToPush());
    }

    @Test
    void aCancelledSyncChangesNothing() throws Exception {
        PlatformRepository platform = repo("clone");
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        upstream.commit("More", files(WEB, "services: []\n"));

        assertThatThrownBy(() -> platform.sync(SyncListener.NONE, () -> true))
                .isInstanceOf(SyncCancelledException.class)
                .hasMessageContaining("cancelled")
                .satisfies(e -> assertThat(((PlatformSyncException) e).lastGood()).map(LastGood::commitId)
                        .contains(first.name()));
        assertThat(platform.lastGood()).map(LastGood::commitId).contains(first.name());
        assertThat(tmp.resolve("clone").resolve(WEB)).doesNotExist();
    }

    @Test
    void aMissingBranchIsReportedByName() {
        PlatformRepository platform = new PlatformRepository(
                PlatformConfig.of(upstream.bareDir().toString(), "ann").withBranch("release"), tmp.resolve("clone"),
                new MapTokenStore(), validator);

        assertThatThrownBy(() -> platform.sync(SyncListener.NONE, CancellationToken.NONE))
                .isInstanceOf(RemoteRepositoryException.class)
                .hasMessage("The platform repository has no branch 'release'. Check the branch in the platform settings.");
    }

    @Test
    void aMissingLocalRepositoryIsUnreachableAndTheLastGoodVersionStaysUsable() throws Exception {
        PlatformRepository platform = repo("clone");
        platform.sync(SyncListener.NONE, CancellationToken.NONE);
        Files.move(upstream.bareDir(), tmp.resolve("unplugged.git"));

        assertThatThrownBy(() -> platform.sync(SyncListener.NONE, CancellationToken.NONE))
                .isInstanceOf(RemoteUnreachableException.class)
                .hasMessageStartingWith(upstream.bareDir() + " cannot be reached; using the last good version from ")
                .hasMessageEndingWith("(" + first.abbreviate(7).name() + ").");
        assertThat(platform.currentTree().orElseThrow().resolve(ML)).hasContent("services: [postgres]");

        PlatformRepository fresh = repo("fresh");
        assertThatThrownBy(() -> fresh.sync(SyncListener.NONE, CancellationToken.NONE))
                .isInstanceOf(RemoteUnreachableException.class)
                .hasMessage(upstream.bareDir() + " cannot be reached, and there is no local copy of the platform"
                        + " repository yet.");
        assertThat(fresh.lastGood()).isEqualTo(Optional.empty());
    }

    @Test
    void profilesSavedBeforeTheFirstSyncAreKeptAndPushable() throws Exception {
        PlatformRepository platform = repo("clone");
        Files.createDirectories(platform.userProfiles());
        Files.writeString(platform.userProfiles().resolve("scratch.yaml"), "services: []\n");

        updated(platform.sync(SyncListener.NONE, CancellationToken.NONE));

        assertThat(platform.userProfiles().resolve("scratch.yaml")).hasContent("services: []");
        assertThat(platform.push(SyncListener.NONE, CancellationToken.NONE)).isInstanceOf(PushResult.Pushed.class);
        assertThat(upstream.read(ANN_LOCAL)).isEqualTo("services: []\n");
    }

    @Test
    void aDirectoryHoldingOtherFilesIsNotTakenOver() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("documents"));
        Files.writeString(dir.resolve("thesis.txt"), "precious");
        PlatformRepository platform = new PlatformRepository(PlatformConfig.of(upstream.bareDir().toString(), "ann"),
                dir, new MapTokenStore(), validator);

        assertThatThrownBy(() -> platform.sync(SyncListener.NONE, CancellationToken.NONE))
                .isInstanceOf(LocalCloneException.class)
                .hasMessage("The local copy of the platform repository in " + dir + " could not be updated: " + dir
                        + " already holds files and is not a clone made by Outpost; choose an empty directory");
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(dir.resolve("thesis.txt"));
        }
    }
}
