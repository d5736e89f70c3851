package dev.outpost.desktop.ui.diagnostics;

import dev.outpost.desktop.ui.state.WorkstationState;
import dev.outpost.profiles.Runtime;
import dev.outpost.stack.doctor.Check;
import dev.outpost.stack.doctor.DoctorReport;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The doctor's report as the Diagnostics screen shows it. */
public final class DiagnosticsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final WorkstationState state;
    private final Supplier<Runtime> runtime;
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Checking this workstation…");
    private final ReadOnlyStringWrapper checkedAt = new ReadOnlyStringWrapper("");

    public DiagnosticsViewModel(WorkstationState state, Supplier<Runtime> runtime) {
        this.state = state;
        this.runtime = runtime;
        state.reportProperty().addListener((obs, old, r) -> apply(r));
        apply(state.reportProperty().get());
    }

    private void apply(DoctorReport r) {
        if (r == null) {
            return;
        }
        checks.setAll(r.checks());
        String rt = r.runtime().id();
        headline.set(r.ready()
                ? "Ready for the " + rt + " runtime"
                : "Not ready for the " + rt + " runtime: "
                        + String.join(", ", r.blocking().stream().map(Check::title).toList()) + " needed");
        checkedAt.set("Checked at " + TIME.format(r.checkedAt()));
    }

    public void refresh() {
        state.refresh(runtime.get());
    }

    public ObservableList<Check> checks() {
        return FXCollections.unmodifiableObservableList(checks);
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkedAtProperty() {
        return checkedAt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty diagnosingProperty() {
        return state.diagnosingProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return state.errorProperty();
    }

    public boolean ready() {
        DoctorReport r = state.reportProperty().get();
        return r != null && r.ready();
    }
}
