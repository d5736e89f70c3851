package dev.outpost.desktop.ui.state;

import dev.outpost.desktop.ui.UiExecutor;
import dev.outpost.profiles.Runtime;
import dev.outpost.stack.doctor.Doctor;
import dev.outpost.stack.doctor.DoctorReport;
import dev.outpost.stack.secrets.Redaction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The latest doctor report, shared by the status bar and the screens that show parts of it.
 * Only one diagnosis runs at a time; asking again while one runs is ignored.
 */
public final class WorkstationState {
    private final Doctor doctor;
    private final UiExecutor executor;
    private final ReadOnlyObjectWrapper<DoctorReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper diagnosing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    /** The local clusters as the Environments screen last read them, for the status bar. */
    private final ReadOnlyStringWrapper clusters = new ReadOnlyStringWrapper("none");

    public WorkstationState(Doctor doctor, UiExecutor executor) {
        this.doctor = doctor;
        this.executor = executor;
    }

    public void refresh(Runtime runtime) {
        if (diagnosing.get()) {
            return;
        }
        diagnosing.set(true);
        error.set(null);
        executor.run(() -> doctor.diagnose(runtime), r -> {
            report.set(r);
            diagnosing.set(false);
        }, e -> {
            error.set("Diagnosis failed: " + Redaction.redact(String.valueOf(e.getMessage())));
            diagnosing.set(false);
        });
    }

    public ReadOnlyObjectProperty<DoctorReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty diagnosingProperty() {
        return diagnosing.getReadOnlyProperty();
    }

    /** Called on the FX thread with the clusters' "NAME (STATE)" labels. */
    public void clustersSeen(java.util.List<String> labels) {
        clusters.set(labels.isEmpty() ? "none" : labels.size() == 1 ? labels.getFirst() : labels.size() + " clusters: "
                + String.join(", ", labels));
    }

    private final ReadOnlyStringWrapper inference = new ReadOnlyStringWrapper("not set up");

    /** Called on the FX thread with where models run now and the gateway's address. */
    public void inferenceSeen(String where) {
        inference.set(where);
    }

    public ReadOnlyStringProperty inferenceProperty() {
        return inference.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clustersProperty() {
        return clusters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
