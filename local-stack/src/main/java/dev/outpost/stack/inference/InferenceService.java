package dev.outpost.stack.inference;

import dev.outpost.profiles.credentials.TokenStore;
import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Profile;
import dev.outpost.stack.gpu.GpuDetection;
import dev.outpost.stack.gpu.GpuDetector;
import dev.outpost.stack.inference.gateway.ApiKind;
import dev.outpost.stack.inference.gateway.AuthHeaders;
import dev.outpost.stack.inference.gateway.GatewayListener;
import dev.outpost.stack.inference.gateway.InferenceGateway;
import dev.outpost.stack.inference.gateway.Route;
import dev.outpost.stack.inference.gateway.RouteChoice;
import dev.outpost.stack.inference.gateway.Target;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Inference as the CLI and the window use it: the GPU, the local Ollama's models, the remote target the
 * settings choose, where a model runs (and why), and the gateway that gives apps one stable local URL.
 */
public final class InferenceService {
    private final List<GatewayListener> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Supplier<Optional<Duration>> modelKeepAlive = Optional::empty;
    private final HostEnvironment host;
    private final ProcessRunner runner;
    private final InferenceSettingsStore store;
    private final Supplier<Map<String, InferenceTarget>> targets;
    private final Supplier<TokenStore> tokens;
    private final PlacementDecider decider = new PlacementDecider();
    private volatile Supplier<Optional<LocalOllama.Containers>> containers = Optional::empty;
    private volatile String registryMirror;

    /**
     * @param targets the catalog's inference targets by name, read each time (the catalog can change under us)
     */
    public InferenceService(HostEnvironment host, ProcessRunner runner, InferenceSettingsStore store,
                            Supplier<Map<String, InferenceTarget>> targets, Supplier<TokenStore> tokens) {
        this.host = host;
        this.runner = runner;
        this.store = store;
        this.targets = targets;
        this.tokens = tokens;
    }

    /**
     * How a local Ollama is run as a container when neither a server answers nor {@code ollama} is installed,
     * and the registry mirror its image is pulled through.
     */
    /** How long a model stays loaded after its last request, for a local server Outpost starts (the idle policy). */
    public InferenceService withModelKeepAlive(Supplier<Optional<Duration>> keepAlive) {
        this.modelKeepAlive = keepAlive;
        return this;
    }

    public InferenceService withContainers(Supplier<Optional<LocalOllama.Containers>> containers, String registryMirror) {
        this.containers = containers;
        this.registryMirror = registryMirror;
        return this;
    }

    /**
     * Makes a local Ollama answer: the one at OLLAMA_HOST, else {@code ollama serve}, else the container with the
     * GPU; says which. A server Outpost started stops when the returned handle is closed.
     */
    public LocalOllamaServer ensureLocal(java.util.function.Consumer<String> progress) throws InterruptedException {
        LocalOllama.Probe probe = uri -> {
            try (OllamaClient c = new OllamaClient(uri)) {
                c.version();
                return true;
            } catch (RuntimeException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
        Optional<LocalOllama.Containers> engine;
        try {
            engine = containers.get();
        } catch (RuntimeException noEngine) {
            engine = Optional.empty();
        }
        return new LocalOllama(host, runner, probe, engine, dev.outpost.stack.process.OutputListener.NONE,
                LocalOllama.Options.defaults(registryMirror, "outpost").withKeepAlive(modelKeepAlive.get().orElse(null)))
                .ensure(gpu(), progress);
    }

    public GpuDetection gpu() throws InterruptedException {
        return new GpuDetector(host, runner).detect();
    }

    public InferenceSettings settings() {
        try {
            return store.load().settings();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + store.file(), e);
        }
    }

    public void save(InferenceSettings settings) {
        try {
            store.save(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + store.file(), e);
        }
    }

    /** Where local Ollama answers: {@code OLLAMA_HOST}, else 127.0.0.1:11434. */
    public OllamaHost localHost() {
        return OllamaHost.fromEnvironment(host);
    }

    public OllamaClient local() {
        return OllamaClient.forHost(localHost());
    }

    public Map<String, InferenceTarget> targets() {
        return targets.get();
    }

    /** The remote target the settings name, else the catalog's only one. */
    public Optional<InferenceTarget> remoteTarget() {
        Map<String, InferenceTarget> all = targets.get();
        Optional<String> chosen = settings().remoteTargetName();
        if (chosen.isPresent()) {
            return Optional.ofNullable(all.get(chosen.get()));
        }
        return all.size() == 1 ? Optional.of(all.values().iterator().next()) : Optional.empty();
    }

    public TargetAccess access() {
        InferenceSettings s = settings();
        return new TargetAccess(tokens.get(), new GcloudAccessTokens(host, runner), s.tls());
    }

    /** A client straight to the remote target (Ollama API targets), credentials and TLS as configured. */
    public OllamaClient remote(InferenceTarget target) {
        TargetAccess access = access();
        return new OllamaClient(access.baseUri(target), () -> bearer(access, target), access.tls().sslContext());
    }

    private static String bearer(TargetAccess access, InferenceTarget target) {
        try {
            return access.headers(target).values().getOrDefault("Authorization", "").replaceFirst("^Bearer ", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while getting a token for " + target.metadata().name(), e);
        }
    }

    /** Which side a model runs on now, with the reason in words. */
    public PlacementDecision place(String model, GpuDetection gpu) {
        InferenceSettings s = settings();
        OptionalLong size = OptionalLong.empty();
        try (OllamaClient c = local()) {
            size = c.tags().stream().filter(m -> m.name().equals(model)).mapToLong(LocalModel::size).findFirst();
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        Optional<RemoteOption> remote = remoteTarget().map(t -> RemoteOption.of(t, true));
        return decider.decide(new PlacementRequest(s.placement(), model, size, gpu, remote, s.allowFallback()));
    }

    /**
     * Starts the gateway on the settings' port (stable across restarts) with the local Ollama and, when one is
     * configured, the remote target; routing follows the settings: local, remote, or auto by placement.
     */
    public InferenceGateway startGateway(GatewayListener listener) throws IOException {
        InferenceSettings s = settings();
        InferenceGateway.Builder b = InferenceGateway.builder(Route.localOllama(localHost()))
                .listener(withObservers(listener)).allowFallback(s.allowFallback());
        remoteTarget().ifPresent(t -> b.remote(remoteRoute(t)));
        InferenceGateway gateway = b.start(s.gatewayPort());
        apply(gateway, s.placement());
        return gateway;
    }

    /**
     * Also tells {@code observer} about every request of every gateway started from now on: the remote GPU's lease
     * is metered from what the gateway routes, whichever screen or command started it.
     */
    public void observeGateways(GatewayListener observer) {
        observers.add(observer);
    }

    private GatewayListener withObservers(GatewayListener first) {
        List<GatewayListener> all = new java.util.ArrayList<>();
        if (first != null) {
            all.add(first);
        }
        all.addAll(observers);
        return new GatewayListener() {
            @Override
            public void routed(dev.outpost.stack.inference.gateway.RequestRouted e) {
                all.forEach(l -> l.routed(e));
            }

            @Override
            public void completed(dev.outpost.stack.inference.gateway.RequestCompleted e) {
                all.forEach(l -> l.completed(e));
            }

            @Override
            public void fellBack(dev.outpost.stack.inference.gateway.Fallback e) {
                all.forEach(l -> l.fellBack(e));
            }

            @Override
            public void failed(dev.outpost.stack.inference.gateway.RequestFailed e) {
                all.forEach(l -> l.failed(e));
            }
        };
    }

    /** Points a running gateway at the placement the settings now hold. */
    public void apply(InferenceGateway gateway, Profile.Placement placement) {
        Profile.Placement p = placement == null ? Profile.Placement.AUTO : placement;
        switch (p) {
            case LOCAL -> gateway.use(Target.LOCAL);
            case REMOTE -> {
                if (gateway.route(Target.REMOTE).isEmpty()) {
                    throw new IllegalStateException("no remote inference target is configured: the platform's catalog lists them");
                }
                gateway.use(Target.REMOTE);
            }
            case AUTO -> {
                GpuDetection gpu;
                try {
                    gpu = gpu();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    gpu = new GpuDetection.None("interrupted");
                }
                GpuDetection detected = gpu;
                gateway.useAuto(model -> {
                    if (model == null) {
                        return RouteChoice.local("no model named: local");
                    }
                    PlacementDecision d = place(model, detected);
                    return d.where() == PlacementDecision.Where.LOCAL ? RouteChoice.local(d.reason()) : RouteChoice.remote(d.reason());
                });
            }
        }
    }

    private Route remoteRoute(InferenceTarget t) {
        TargetAccess access = access();
        ApiKind api = t.spec().api() == InferenceTarget.Api.OPENAI ? ApiKind.OPENAI : ApiKind.OLLAMA;
        AuthHeaders auth = () -> {
            try {
                return access.headers(t).values();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while getting a token for " + t.metadata().name(), e);
            }
        };
        return Route.of(t.metadata().name(), access.baseUri(t), api, auth, access.tls().sslContext());
    }

    /** How long the remote target takes to answer a small request; empty when it does not answer. */
    public Optional<Duration> remoteLatency(InferenceTarget target) {
        long start = System.nanoTime();
        try (OllamaClient c = remote(target)) {
            if (target.spec().api() == InferenceTarget.Api.OPENAI) {
                return Optional.empty();
            }
            c.version();
            return Optional.of(Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Models on the local Ollama, each marked whether it fits the GPU's free memory. */
    public List<ModelRow> models(GpuDetection gpu) throws InterruptedException {
        List<RunningModel> loaded;
        try (OllamaClient c = local()) {
            List<LocalModel> all = c.tags();
            loaded = c.ps();
            List<String> loadedNames = loaded.stream().map(RunningModel::name).toList();
            return all.stream().map(m -> new ModelRow(m.name(), m.size(), fits(m.size(), gpu), loadedNames.contains(m.name()))).toList();
        }
    }

    static boolean fits(long bytes, GpuDetection gpu) {
        long need = PlacementDecider.requiredBytes(bytes);
        return switch (gpu) {
            case GpuDetection.Nvidia n -> n.gpus().stream().anyMatch(g -> g.memoryFreeMib().isPresent()
                    && g.memoryFreeMib().getAsLong() * 1024L * 1024L >= need);
            case GpuDetection.AppleSilicon a -> a.unifiedMemoryBytes().isPresent() && a.unifiedMemoryBytes().getAsLong() * 3 / 4 >= need;
            default -> false;
        };
    }

    /** One row of the model table. */
    public record ModelRow(String name, long sizeBytes, boolean fitsGpu, boolean loaded) {
    }

    public URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + settings().gatewayPort());
    }
}
