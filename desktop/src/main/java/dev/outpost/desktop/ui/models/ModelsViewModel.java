package dev.outpost.desktop.ui.models;

import dev.outpost.desktop.ui.state.WorkstationState;
import dev.outpost.stack.doctor.Check;
import dev.outpost.stack.doctor.DoctorReport;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The GPU and Ollama as the doctor found them; model management comes with the inference feature. */
public final class ModelsViewModel {
    private final ReadOnlyObjectWrapper<Check> gpu = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Check> ollama = new ReadOnlyObjectWrapper<>();

    public ModelsViewModel(WorkstationState state) {
        state.reportProperty().addListener((obs, old, r) -> apply(r));
        apply(state.reportProperty().get());
    }

    private void apply(DoctorReport r) {
        if (r == null) {
            return;
        }
        r.check("gpu").ifPresent(gpu::set);
        r.check("ollama-api").ifPresent(ollama::set);
    }

    public ReadOnlyObjectProperty<Check> gpuProperty() {
        return gpu.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Check> ollamaProperty() {
        return ollama.getReadOnlyProperty();
    }

    public List<String> upcoming() {
        return List.of(
                "Models on this computer: pull with progress, delete, and whether each fits in VRAM",
                "A playground that streams answers, with time to first token and tokens per second",
                "The remote offload toggle: the same local endpoint, served by a GPU on the platform",
                "Live VRAM, utilisation and power of the local GPU");
    }
}
