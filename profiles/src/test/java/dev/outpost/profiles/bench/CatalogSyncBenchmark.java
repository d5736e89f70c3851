package dev.outpost.profiles.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.catalog.Layer;
import dev.outpost.profiles.catalog.LoadResult;
import dev.outpost.profiles.catalog.SourceTree;
import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import dev.outpost.profiles.sync.CancellationToken;
import dev.outpost.profiles.sync.PlatformConfig;
import dev.outpost.profiles.sync.PlatformRepository;
import dev.outpost.profiles.sync.SyncListener;
import dev.outpost.profiles.sync.SyncResult;
import dev.outpost.profiles.sync.TreeValidator;
import dev.outpost.profiles.validation.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform repository with 1,000 team profiles: Outpost's sync (clone, validate every file,
 * switch) and its validation plus resolution of all profiles, each against a plain
 * {@code git fetch} + {@code git checkout} of the same repository measured in the same run.
 * Run with {@code mvn -Pbench -pl profiles verify}; timings are printed, never asserted.
 */
class CatalogSyncBenchmark {
    private static final int PROFILES = 1000;
    private static final int WARMUPS = 1;
    private static final int RUNS = 5;

    @TempDir
    Path tmp;

    @Test
    void syncAndValidateAThousandProfiles() throws Exception {
        Path work = tmp.resolve("work");
        CatalogRepositoryFixture.write(work, PROFILES);
        Path bare = tmp.resolve("platform.git");
        git(tmp, "init", "-q", "--bare", "-b", "main", bare.toString());
        git(work, "init", "-q", "-b", "main");
        git(work, "add", ".");
        git(work, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "catalog");
        git(work, "push", "-q", bare.toString(), "main");

        AtomicInteger n = new AtomicInteger();
        double gitMs = BenchmarkReport.medianMillis(WARMUPS, RUNS, () -> {
            Path d = Files.createDirectories(tmp.resolve("git-" + n.incrementAndGet()));
            git(d, "init", "-q", "-b", "main");
            git(d, "fetch", "-q", bare.toString(), "main");
            git(d, "checkout", "-q", "FETCH_HEAD");
        });

        CatalogLoader loader = new CatalogLoader();
        TreeValidator validator = tree -> loader.load(List.of(BuiltInCatalog.layer(),
                new Layer("", SourceTree.directory(tree), Optional.empty()))).problems().stream()
                .map(Problem::toString).toList();
        double syncMs = BenchmarkReport.medianMillis(WARMUPS, RUNS, () -> {
            Path clone = tmp.resolve("outpost-" + n.incrementAndGet());
            SyncResult r = new PlatformRepository(PlatformConfig.of(bare.toString(), "bench"), clone, new MapTokenStore(),
                    validator).sync(SyncListener.NONE, CancellationToken.NONE);
            assertThat(r).isInstanceOf(SyncResult.Updated.class);
        });

        Path checkout = tmp.resolve("git-1");
        double validateMs = BenchmarkReport.medianMillis(WARMUPS, RUNS, () -> {
            LoadResult result = loader.load(List.of(BuiltInCatalog.layer(),
                    new Layer("", SourceTree.directory(checkout), Optional.empty())));
            assertThat(result.problems()).isEmpty();
            Resolver resolver = new Resolver(result.catalog(), ResolveOptions.defaults());
            for (Catalog.CatalogProfile p : result.catalog().profiles()) {
                resolver.resolve(p.profile());
            }
            assertThat(result.catalog().profiles()).hasSize(PROFILES + 3);
        });

        BenchmarkReport.record("catalog-sync", String.format(
                "1,000 profiles: git fetch+checkout %.0f ms | Outpost sync (clone+validate+switch) %.0f ms = %.2fx"
                        + " | validate+resolve all %.0f ms = %.2fx of git (median of %d, %d cores)",
                gitMs, syncMs, syncMs / gitMs, validateMs, validateMs / gitMs, RUNS,
                Runtime.getRuntime().availableProcessors()));
    }

    private static void git(Path dir, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
