package dev.outpost.desktop.ui.environments;

import dev.outpost.desktop.ui.state.CheckLabels;
import dev.outpost.desktop.ui.state.WorkstationState;
import dev.outpost.stack.doctor.DoctorReport;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Environments are created from profiles by a later feature; until then this screen says what the
 * workstation can run today (from the doctor) and what is coming.
 */
public final class EnvironmentsViewModel {
    private final ReadOnlyStringWrapper readiness = new ReadOnlyStringWrapper("Checking the container engine…");

    public EnvironmentsViewModel(WorkstationState state) {
        state.reportProperty().addListener((obs, old, r) -> apply(r));
        apply(state.reportProperty().get());
    }

    private void apply(DoctorReport r) {
        if (r == null) {
            return;
        }
        r.check("engine").ifPresent(c -> readiness.set(c.status().usable()
                ? "Container engine ready: " + CheckLabels.brief(c) + ". No environments yet."
                : "No container engine answers. See Diagnostics for how to start one."));
    }

    public ReadOnlyStringProperty readinessProperty() {
        return readiness.getReadOnlyProperty();
    }

    public List<String> upcoming() {
        return List.of(
                "One-click environments from profiles: Postgres, Redis, Kafka, MinIO, Qdrant and more, bound to 127.0.0.1",
                "Start, stop and remove with progress per service, and connection strings to copy",
                "The same services in a local kind or k3d cluster shaped like the platform",
                "Logs per service, and what each environment costs and emits");
    }
}
