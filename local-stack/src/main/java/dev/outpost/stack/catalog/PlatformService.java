package dev.outpost.stack.catalog;

import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.catalog.Layer;
import dev.outpost.profiles.catalog.SourceTree;
import dev.outpost.profiles.credentials.TokenStore;
import dev.outpost.profiles.credentials.TokenStores;
import dev.outpost.profiles.sync.CancellationToken;
import dev.outpost.profiles.sync.Choice;
import dev.outpost.profiles.sync.ConflictedFile;
import dev.outpost.profiles.sync.LastGood;
import dev.outpost.profiles.sync.PlatformConfig;
import dev.outpost.profiles.sync.PlatformConfigStore;
import dev.outpost.profiles.sync.PlatformRepository;
import dev.outpost.profiles.sync.PushResult;
import dev.outpost.profiles.sync.SyncListener;
import dev.outpost.profiles.sync.SyncResult;
import dev.outpost.profiles.sync.TreeValidator;
import dev.outpost.profiles.validation.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The configured platform repository, if any: its settings, its token, and sync and push. An
 * upstream version is validated exactly as the catalog is loaded (built-in catalog underneath) before
 * it is taken.
 */
public final class PlatformService {
    private final PlatformConfigStore configs;
    private final Path cloneDir;
    private final Path tokenDir;
    private TokenStore tokens;
    private PlatformRepository repository;
    private PlatformConfig repositoryConfig;

    public PlatformService(Path configDir, Path dataDir) {
        this(new PlatformConfigStore(configDir), dataDir.resolve("platform").resolve("repo"), configDir, null);
    }

    /** For tests: a token store of their own (an in-memory one). */
    public PlatformService(PlatformConfigStore configs, Path cloneDir, Path tokenDir, TokenStore tokens) {
        this.configs = configs;
        this.cloneDir = cloneDir;
        this.tokenDir = tokenDir;
        this.tokens = tokens;
    }

    public Optional<PlatformConfig> config() {
        return configs.load();
    }

    /** Saves the platform (and the token, when given); a changed URL or branch starts from a fresh clone. */
    public synchronized void configure(PlatformConfig config, Optional<String> token) {
        config.validate();
        token.ifPresent(t -> tokens().put(config.tokenAccount(), t));
        configs.save(config);
        repository = null;
    }

    public synchronized TokenStore tokens() {
        if (tokens == null) {
            tokens = TokenStores.preferred(tokenDir);
        }
        return tokens;
    }

    public boolean hasToken() {
        return config().flatMap(c -> tokens().get(c.tokenAccount())).isPresent();
    }

    public synchronized Optional<PlatformRepository> repository() {
        Optional<PlatformConfig> c = config();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        if (repository == null || !c.get().equals(repositoryConfig)) {
            repository = new PlatformRepository(c.get(), cloneDir, tokens(), validator());
            repositoryConfig = c.get();
        }
        return Optional.of(repository);
    }

    /** The checked-out last good version, for the catalog. */
    public Optional<Path> currentTree() {
        return repository().flatMap(PlatformRepository::currentTree);
    }

    public Optional<Path> userProfiles() {
        return repository().filter(r -> r.currentTree().isPresent()).map(PlatformRepository::userProfiles);
    }

    public Optional<LastGood> lastGood() {
        return repository().flatMap(PlatformRepository::lastGood);
    }

    public List<ConflictedFile> conflicts() {
        return repository().map(PlatformRepository::conflicts).orElse(List.of());
    }

    public SyncResult sync(SyncListener listener, CancellationToken cancel) {
        return require().sync(listener, cancel);
    }

    public PushResult push(SyncListener listener, CancellationToken cancel) {
        return require().push(listener, cancel);
    }

    public PushResult resolve(String path, Choice choice, SyncListener listener, CancellationToken cancel) {
        return require().resolve(path, choice, listener, cancel);
    }

    private PlatformRepository require() {
        return repository().orElseThrow(() -> new IllegalStateException(
                "no platform is configured; run: outpost platform set URL --user NAME"));
    }

    /** Validates an upstream tree exactly as the catalog will be loaded from it. */
    static TreeValidator validator() {
        CatalogLoader loader = new CatalogLoader();
        return tree -> loader.load(List.of(BuiltInCatalog.layer(),
                        new Layer("", SourceTree.directory(tree), Optional.empty())))
                .problems().stream().map(Problem::toString).toList();
    }
}
