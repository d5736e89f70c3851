package dev.outpost.desktop.ui.models;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.desktop.ui.cost.CostFormat;
import dev.outpost.desktop.ui.cost.Meter;
import dev.outpost.desktop.ui.state.WorkstationState;
import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Profile;
import dev.outpost.stack.cost.Rate;
import dev.outpost.stack.cost.store.UsageKind;
import dev.outpost.stack.gpu.GpuDetection;
import dev.outpost.stack.gpu.GpuInfo;
import dev.outpost.stack.inference.ChatMessage;
import dev.outpost.stack.inference.ChatRequest;
import dev.outpost.stack.inference.InferenceService;
import dev.outpost.stack.inference.ModelPullProgress;
import dev.outpost.stack.inference.OllamaClient;
import dev.outpost.stack.inference.PullHandle;
import dev.outpost.stack.inference.gateway.GatewayListener;
import dev.outpost.stack.inference.gateway.InferenceGateway;
import dev.outpost.stack.secrets.Redaction;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Models & GPU screen: the GPU's memory and load, the local models, pulls with progress, a playground that
 * streams through the gateway, and the offload toggle with the remote target's cost and carbon per hour (before
 * it flips) and, while its lease is held, what it costs now and when it is released. Engine work runs on the executor; properties change on
 * the FX thread only.
 */
public final class ModelsViewModel {
    private final WorkstationState state;
    private final InferenceService inference;
    private final UiExecutor executor;
    private final ReadOnlyStringWrapper gpu = new ReadOnlyStringWrapper("Checking…");
    private final ReadOnlyDoubleWrapper vram = new ReadOnlyDoubleWrapper(0);
    private final ObservableList<InferenceService.ModelRow> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pullStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper pullProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper pulling = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stats = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper remote = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remoteRate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remoteLease = new ReadOnlyStringWrapper("");
    private final Meter meter;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile PullHandle pull;
    private InferenceGateway gateway;

    public ModelsViewModel(WorkstationState state, InferenceService inference, Meter meter, UiExecutor executor) {
        this.state = state;
        this.meter = meter;
        this.inference = inference;
        this.executor = executor;
    }

    /** Reads the GPU again: memory and load change while models load and answer. */
    public void refreshGpu() {
        executor.run(inference::gpu, this::showGpu, e -> gpu.set("GPU: " + error(e)));
    }

    /** Reads the GPU, then the models (whether each fits needs the GPU's free memory), the target and the placement. */
    public void refresh() {
        executor.run(inference::gpu, g -> {
            showGpu(g);
            executor.run(() -> inference.models(g), models::setAll,
                    e -> message.set("Local Ollama at " + inference.localHost() + ": " + error(e)));
        }, e -> gpu.set("GPU: " + error(e)));
        executor.run(() -> {
            Optional<InferenceTarget> t = inference.remoteTarget();
            String text = t.map(x -> describe(x, inference.remoteLatency(x).map(d -> d.toMillis() + " ms").orElse("not answering")))
                    .orElse("No remote target in the catalog (the platform's repository provides them).");
            return new TargetView(text, inference.settings().placement() == Profile.Placement.REMOTE, t.map(this::rate).orElse(""));
        }, r -> {
            target.set(r.text());
            remoteRate.set(r.rate());
            remote.set(r.remote());
            publish();
        }, e -> target.set(error(e)));
        refreshLease();
    }

    /** The leased remote GPU's live figures; empty while no lease is held. */
    public void refreshLease() {
        executor.run(() -> {
            var now = meter.service().clock().instant();
            return meter.live().values().stream().filter(f -> f.kind() == UsageKind.REMOTE_GPU).findFirst()
                    .map(f -> CostFormat.lease(f, now, meter.zone())).orElse("");
        }, remoteLease::set, e -> remoteLease.set("Remote GPU figures: " + error(e)));
    }

    /** "gke-l4: €2.93/h · 34 gCO2e/h on demand · €0.88/h spot", from the catalog before the toggle flips. */
    private String rate(InferenceTarget t) {
        var costs = meter.service();
        Optional<Rate> onDemand = costs.targetRate(t, false);
        if (onDemand.isEmpty()) {
            return t.metadata().name() + ": the catalog gives no price or GPU type to estimate from";
        }
        String text = t.metadata().name() + ": " + CostFormat.perHour(onDemand.get())
                + (t.spec().spotCostPerHour() == null ? "" : " on demand");
        if (t.spec().spotCostPerHour() != null) {
            text += costs.targetRate(t, true).map(r -> " · " + CostFormat.money(r.costPerHour(), r.currency()) + "/h spot")
                    .orElse("");
        }
        return text;
    }

    private record TargetView(String text, boolean remote, String rate) {
    }

    private static String describe(InferenceTarget t, String latency) {
        var s = t.spec();
        return t.metadata().name() + " · " + (s.gpu() == null ? "GPU unknown" : s.gpu().type()
                + (s.gpu().memoryGiB() == null ? "" : " " + s.gpu().memoryGiB() + " GiB"))
                + (s.costPerHour() == null ? "" : String.format(" · %.2f/h", s.costPerHour()))
                + (s.region() == null ? "" : " · " + s.region()) + " · latency " + latency;
    }

    private void showGpu(GpuDetection d) {
        switch (d) {
            case GpuDetection.Nvidia n -> {
                GpuInfo g = n.gpus().getFirst();
                long total = g.memoryTotalMib().orElse(0);
                long used = g.memoryUsedMib().orElse(0);
                vram.set(total == 0 ? 0 : (double) used / total);
                gpu.set(g.label() + " · " + String.format("%.1f of %.1f GiB used", used / 1024.0, total / 1024.0)
                        + (g.utilizationPercent().isPresent() ? " · " + g.utilizationPercent().getAsInt() + " % busy" : "")
                        + (g.powerDrawWatts().isPresent() ? String.format(" · %.0f W", g.powerDrawWatts().getAsDouble()) : ""));
            }
            case GpuDetection.AppleSilicon a -> gpu.set(a.name() + " · unified memory shared with the CPU");
            case GpuDetection.None n -> gpu.set("No GPU: " + n.reason());
            case GpuDetection.Failed f -> gpu.set("GPU driver problem: " + f.message() + " " + f.fixHint());
        }
    }

    public void pull(String model) {
        if (model == null || model.isBlank() || pulling.get()) {
            return;
        }
        pulling.set(true);
        pullStatus.set("Starting " + model + "…");
        executor.run(() -> {
            try (OllamaClient client = inference.local()) {
                pull = client.pull(model.strip(), p -> executor.onUi(() -> showPull(p)));
                return pull.await();
            }
        }, done -> {
            pulling.set(false);
            pullStatus.set(model + ": " + done.status());
            refresh();
        }, e -> {
            pulling.set(false);
            pullStatus.set(model + ": " + (e instanceof InterruptedException || String.valueOf(e.getMessage()).contains("cancel")
                    ? "cancelled" : error(e)));
        });
    }

    private void showPull(ModelPullProgress p) {
        pullProgress.set(p.percent() / 100.0);
        pullStatus.set(String.format("%s · %.0f%% · %.1f of %.1f MB · %.1f MB/s%s", p.status(), p.percent(), p.bytesDone() / 1e6,
                p.bytesTotal() / 1e6, p.bytesPerSecond() / 1e6, p.eta().map(d -> " · " + d.toSeconds() + " s left").orElse("")));
    }

    public void cancelPull() {
        PullHandle h = pull;
        if (h != null) {
            h.cancel();
        }
    }

    public void delete(String model) {
        executor.run(() -> {
            try (OllamaClient client = inference.local()) {
                client.delete(model);
            }
            return model;
        }, m -> refresh(), e -> message.set(error(e)));
    }

    /** Asks through the gateway, so the answer comes from wherever the toggle points now. */
    public void ask(String model, String prompt) {
        answer.set("");
        stats.set("");
        executor.run(() -> {
            try (OllamaClient client = new OllamaClient(gateway().url())) {
                return client.chat(ChatRequest.of(model, List.of(ChatMessage.user(prompt))),
                        c -> executor.onUi(() -> answer.set(answer.get() + (c.content() == null ? "" : c.content()))));
            }
        }, r -> stats.set(String.format("%d ms to first token · %.1f tokens/s", r.stats().timeToFirstToken().toMillis(),
                r.stats().tokensPerSecond())), e -> stats.set(error(e)));
    }

    /** Flips where the next request goes; requests in flight finish where they started. */
    public void setRemote(boolean on) {
        executor.run(() -> {
            Profile.Placement p = on ? Profile.Placement.REMOTE : Profile.Placement.LOCAL;
            inference.save(inference.settings().withPlacement(p));
            inference.apply(gateway(), p);
            return on;
        }, r -> {
            remote.set(r);
            publish();
        }, e -> {
            message.set(error(e));
            remote.set(!on);
        });
    }

    private synchronized InferenceGateway gateway() throws java.io.IOException {
        if (gateway == null) {
            gateway = inference.startGateway(new GatewayListener() {
                @Override
                public void fellBack(dev.outpost.stack.inference.gateway.Fallback f) {
                    executor.onUi(() -> message.set(f.fromRoute() + " failed (" + Redaction.redact(f.cause()) + "); "
                            + f.toRoute() + " answered instead"));
                }

                @Override
                public void failed(dev.outpost.stack.inference.gateway.RequestFailed r) {
                    executor.onUi(() -> message.set(r.route() + ": " + Redaction.redact(r.message())));
                }
            });
        }
        return gateway;
    }

    private void publish() {
        String where = remote.get() ? "remote " + inference.remoteTarget().map(t -> t.metadata().name()).orElse("target") : "local";
        state.inferenceSeen(where + " · " + inference.gatewayUrl().getAuthority());
    }

    private static String error(Throwable e) {
        return Redaction.redact(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    public ReadOnlyStringProperty gpuProperty() {
        return gpu.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty vramProperty() {
        return vram.getReadOnlyProperty();
    }

    public ObservableList<InferenceService.ModelRow> models() {
        return models;
    }

    public ReadOnlyStringProperty pullStatusProperty() {
        return pullStatus.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty pullProgressProperty() {
        return pullProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pullingProperty() {
        return pulling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty remoteProperty() {
        return remote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remoteRateProperty() {
        return remoteRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remoteLeaseProperty() {
        return remoteLease.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
