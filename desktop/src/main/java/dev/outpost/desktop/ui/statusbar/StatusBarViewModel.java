package dev.outpost.desktop.ui.statusbar;

import dev.outpost.desktop.ui.state.CheckLabels;
import dev.outpost.desktop.ui.state.CheckLabels.Tone;
import dev.outpost.desktop.ui.state.WorkstationState;
import dev.outpost.stack.doctor.DoctorReport;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The four cells of the status bar: engine, cluster, GPU and inference target. */
public final class StatusBarViewModel {
    private final ReadOnlyStringWrapper engine = new ReadOnlyStringWrapper("checking…");
    private final ReadOnlyObjectWrapper<Tone> engineTone = new ReadOnlyObjectWrapper<>(Tone.NEUTRAL);
    private final ReadOnlyStringWrapper gpu = new ReadOnlyStringWrapper("checking…");
    private final ReadOnlyObjectWrapper<Tone> gpuTone = new ReadOnlyObjectWrapper<>(Tone.NEUTRAL);
    private final ReadOnlyStringWrapper cluster = new ReadOnlyStringWrapper("none");
    private final ReadOnlyStringWrapper inference = new ReadOnlyStringWrapper("not set up");

    public StatusBarViewModel(WorkstationState state) {
        state.reportProperty().addListener((obs, old, report) -> apply(report));
        cluster.bind(state.clustersProperty());
        inference.bind(state.inferenceProperty());
        apply(state.reportProperty().get());
    }

    private void apply(DoctorReport report) {
        if (report == null) {
            return;
        }
        report.check("engine").ifPresent(c -> {
            engine.set(CheckLabels.brief(c));
            engineTone.set(CheckLabels.tone(c.status()));
        });
        report.check("gpu").ifPresent(c -> {
            gpu.set(c.status().usable() ? CheckLabels.brief(c) : "none");
            gpuTone.set(CheckLabels.tone(c.status()));
        });
    }

    public ReadOnlyStringProperty engineProperty() {
        return engine.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> engineToneProperty() {
        return engineTone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gpuProperty() {
        return gpu.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> gpuToneProperty() {
        return gpuTone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clusterProperty() {
        return cluster.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inferenceProperty() {
        return inference.getReadOnlyProperty();
    }
}
