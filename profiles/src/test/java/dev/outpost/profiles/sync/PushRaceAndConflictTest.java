package dev.outpost.profiles.sync;

import static dev.outpost.profiles.sync.Upstream.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.profiles.credentials.MapTokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ann works on two computers, each with its own clone, pushing to one upstream. */
class PushRaceAndConflictTest {
    private static final String ML = "profiles/users/ann/ml.yaml";

    @TempDir
    Path tmp;

    private Upstream upstream;
    private PlatformRepository laptop;
    private PlatformRepository desktop;

    @BeforeEach
    void seed() throws Exception {
        upstream = Upstream.create(tmp.resolve("server"));
        upstream.commit("Initial platform", files(
                "platform.yaml", "name: acme\n",
                ML, "model: llama3\n"));
        laptop = clone("laptop");
        desktop = clone("desktop");
        laptop.sync(SyncListener.NONE, CancellationToken.NONE);
        desktop.sync(SyncListener.NONE, CancellationToken.NONE);
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    private PlatformRepository clone(String dir) {
        return new PlatformRepository(PlatformConfig.of(upstream.bareDir().toString(), "ann"), tmp.resolve(dir),
                new MapTokenStore(), new MarkedInvalid());
    }

    private static void write(PlatformRepository where, String name, String content) throws Exception {
        Files.writeString(where.userProfiles().resolve(name), content);
    }

    @Test
    void twoClonesPushingDifferentFilesBothLandAndTheSecondIsRebased() throws Exception {
        write(laptop, "web.yaml", "services: [nginx]\n");
        write(desktop, "db.yaml", "services: [postgres]\n");
        RevCommit before = upstream.tip();

        PushResult first = laptop.push(SyncListener.NONE, CancellationToken.NONE);
        PushResult second = desktop.push(SyncListener.NONE, CancellationToken.NONE);

        assertThat(first).isInstanceOf(PushResult.Pushed.class);
        assertThat(((PushResult.Pushed) first).attempts()).isEqualTo(1);
        assertThat(second).isInstanceOf(PushResult.Pushed.class);
        PushResult.Pushed rebased = (PushResult.Pushed) second;
        assertThat(rebased.attempts()).isEqualTo(2);
        assertThat(rebased.paths()).containsExactly("profiles/users/ann/db.yaml");
        assertThat(upstream.read("profiles/users/ann/web.yaml")).isEqualTo("services: [nginx]\n");
        assertThat(upstream.read("profiles/users/ann/db.yaml")).isEqualTo("services: [postgres]\n");
        assertThat(upstream.read(ML)).isEqualTo("model: llama3\n");
        RevCommit tip = upstream.tip();
        assertThat(tip.name()).isEqualTo(rebased.commitId());
        assertThat(tip.getParent(0).name()).isEqualTo(((PushResult.Pushed) first).commitId());
        assertThat(upstream.parse(tip.getParent(0)).getParent(0)).isEqualTo(before);

        // Each computer then syncs the other's file in, and has nothing left to push.
        laptop.sync(SyncListener.NONE, CancellationToken.NONE);
        desktop.sync(SyncListener.NONE, CancellationToken.NONE);
        assertThat(laptop.userProfiles().resolve("db.yaml")).hasContent("services: [postgres]");
        assertThat(desktop.userProfiles().resolve("web.yaml")).hasContent("services: [nginx]");
        assertThat(laptop.push(SyncListener.NONE, CancellationToken.NONE)).isEqualTo(new PushResult.NothingToPush());
        assertThat(desktop.push(SyncListener.NONE, CancellationToken.NONE)).isEqualTo(new PushResult.NothingToPush());
    }

    @Test
    void aTrueConflictKeepsTheLocalEditAndShowsBothVersions() throws Exception {
        write(laptop, "ml.yaml", "model: mistral\n");
        write(desktop, "ml.yaml", "model: qwen\n");
        laptop.push(SyncListener.NONE, CancellationToken.NONE);
        RevCommit upstreamBefore = upstream.tip();

        PushResult r = desktop.push(SyncListener.NONE, CancellationToken.NONE);

        Path local = desktop.userProfiles().resolve("ml.yaml");
        Path copy = desktop.userProfiles().resolve("ml.yaml.upstream");
        assertThat(r).isEqualTo(new PushResult.Conflict(List.of(new ConflictedFile(ML, Optional.of("model: qwen\n"),
                Optional.of("model: mistral\n"), Optional.of(copy)))));
        assertThat(local).hasContent("model: qwen");
        assertThat(copy).hasContent("model: mistral");
        assertThat(upstream.tip()).isEqualTo(upstreamBefore);
        assertThat(desktop.conflicts()).isEqualTo(((PushResult.Conflict) r).files());

        // Until the user picks, pushing again changes nothing upstream.
        assertThat(desktop.push(SyncListener.NONE, CancellationToken.NONE)).isEqualTo(r);
        assertThat(upstream.tip()).isEqualTo(upstreamBefore);
    }

    @Test
    void resolvingWithMineDropsUpstreamsVersionAndPushesTheLocalOne() throws Exception {
        write(laptop, "ml.yaml", "model: mistral\n");
        write(desktop, "ml.yaml", "model: qwen\n");
        write(desktop, "other.yaml", "services: []\n");
        laptop.push(SyncListener.NONE, CancellationToken.NONE);
        desktop.push(SyncListener.NONE, CancellationToken.NONE);
        RevCommit laptopsPush = upstream.tip();

        PushResult r = desktop.resolve(ML, Choice.MINE, SyncListener.NONE, CancellationToken.NONE);

        assertThat(r).isInstanceOf(PushResult.Pushed.class);
        assertThat(((PushResult.Pushed) r).paths()).containsExactly(ML, "profiles/users/ann/other.yaml");
        assertThat(upstream.read(ML)).isEqualTo("model: qwen\n");
        assertThat(upstream.read("profiles/users/ann/other.yaml")).isEqualTo("services: []\n");
        assertThat(upstream.tip().getParent(0)).isEqualTo(laptopsPush);
        assertThat(desktop.userProfiles().resolve("ml.yaml")).hasContent("model: qwen");
        assertThat(desktop.userProfiles().resolve("ml.yaml.upstream")).doesNotExist();
        assertThat(desktop.conflicts()).isEmpty();

        // The laptop syncs the chosen version in; its own edit was pushed, so it is no conflict there.
        SyncResult.Updated onLaptop = (SyncResult.Updated) laptop.sync(SyncListener.NONE, CancellationToken.NONE);
        assertThat(onLaptop.conflicts()).isEmpty();
        assertThat(laptop.userProfiles().resolve("ml.yaml")).hasContent("model: qwen");
    }

    @Test
    void resolvingWithTheirsTakesUpstreamsVersionOnlyThen() throws Exception {
        write(laptop, "ml.yaml", "model: mistral\n");
        write(desktop, "ml.yaml", "model: qwen\n");
        laptop.push(SyncListener.NONE, CancellationToken.NONE);
        desktop.push(SyncListener.NONE, CancellationToken.NONE);
        assertThat(desktop.userProfiles().resolve("ml.yaml")).hasContent("model: qwen");
        RevCommit laptopsPush = upstream.tip();

        PushResult r = desktop.resolve(ML, Choice.THEIRS, SyncListener.NONE, CancellationToken.NONE);

        assertThat(r).isEqualTo(new PushResult.NothingToPush());
        assertThat(upstream.tip()).isEqualTo(laptopsPush);
        assertThat(desktop.userProfiles().resolve("ml.yaml")).hasContent("model: mistral");
        assertThat(desktop.userProfiles().resolve("ml.yaml.upstream")).doesNotExist();
        assertThat(desktop.conflicts()).isEmpty();

        SyncResult.Updated synced = (SyncResult.Updated) desktop.sync(SyncListener.NONE, CancellationToken.NONE);
        assertThat(synced.conflicts()).isEmpty();
        write(desktop, "ml.yaml", "model: phi\n");
        assertThat(desktop.push(SyncListener.NONE, CancellationToken.NONE)).isInstanceOf(PushResult.Pushed.class);
        assertThat(upstream.read(ML)).isEqualTo("model: phi\n");
    }

    @Test
    void aConflictFoundBySyncKeepsTheUnpushedEditUntilTheUserPicks() throws Exception {
        write(laptop, "ml.yaml", "model: mistral\n");
        laptop.push(SyncListener.NONE, CancellationToken.NONE);
        write(desktop, "ml.yaml", "model: qwen\n");

        SyncResult.Updated r = (SyncResult.Updated) desktop.sync(SyncListener.NONE, CancellationToken.NONE);

        Path copy = desktop.userProfiles().resolve("ml.yaml.upstream");
        assertThat(r.conflicts()).containsExactly(new ConflictedFile(ML, Optional.of("model: qwen\n"),
                Optional.of("model: mistral\n"), Optional.of(copy)));
        assertThat(desktop.userProfiles().resolve("ml.yaml")).hasContent("model: qwen");
        assertThat(copy).hasContent("model: mistral");
        // The sync moved the base to laptop's version; without the recorded conflict this push would
        // overwrite it unseen.
        assertThat(desktop.push(SyncListener.NONE, CancellationToken.NONE)).isInstanceOf(PushResult.Conflict.class);
        assertThat(upstream.read(ML)).isEqualTo("model: mistral\n");

        PushResult resolved = desktop.resolve(ML, Choice.MINE, SyncListener.NONE, CancellationToken.NONE);
        assertThat(resolved).isInstanceOf(PushResult.Pushed.class);
        assertThat(upstream.read(ML)).isEqualTo("model: qwen\n");
    }

    @Test
    void aDeletionHereAgainstAnEditUpstreamIsAConflictToo() throws Exception {
        write(laptop, "ml.yaml", "model: mistral\n");
        laptop.push(SyncListener.NONE, CancellationToken.NONE);
        Files.delete(desktop.userProfiles().resolve("ml.yaml"));

        PushResult r = desktop.push(SyncListener.NONE, CancellationToken.NONE);

        assertThat(r).isEqualTo(new PushResult.Conflict(List.of(new ConflictedFile(ML, Optional.empty(),
                Optional.of("model: mistral\n"), Optional.of(desktop.userProfiles().resolve("ml.yaml.upstream"))))));
        assertThat(desktop.resolve(ML, Choice.MINE, SyncListener.NONE, CancellationToken.NONE))
                .isInstanceOf(PushResult.Pushed.class);
        assertThat(upstream.read(ML)).isNull();
    }

    @Test
    void resolvingAFileThatIsNotInConflictIsRefused() {
        assertThatThrownBy(() -> desktop.resolve(ML, Choice.MINE, SyncListener.NONE, CancellationToken.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ML + " has no conflict to resolve");
    }
}
