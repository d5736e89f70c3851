package dev.outpost.desktop.ui.common;

import dev.outpost.desktop.ui.state.CheckLabels.Tone;
import javafx.beans.value.ObservableValue;
import javafx.scene.shape.Circle;

/** A small coloured circle whose colour follows a tone. */
public final class StatusDot extends Circle {
    public StatusDot(ObservableValue<Tone> tone) {
        super(5);
        getStyleClass().add("status-dot");
        apply(tone.getValue());
        tone.addListener((obs, old, now) -> apply(now));
    }

    private void apply(Tone tone) {
        getStyleClass().removeIf(s -> s.startsWith("tone-"));
        getStyleClass().add((tone == null ? Tone.NEUTRAL : tone).styleClass());
    }
}
