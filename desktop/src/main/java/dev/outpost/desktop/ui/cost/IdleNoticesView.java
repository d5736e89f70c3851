package dev.outpost.desktop.ui.cost;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The idle policy's notifications, stacked in the window's bottom right corner (above the status bar, clear of
 * each screen's header and buttons) over whatever screen shows, as
 * AtlantaFX notifications: a warning offers "Keep running", every one can be closed.
 */
public final class IdleNoticesView {
    private final VBox root = new VBox(8);
    private final IdleNoticesViewModel vm;

    public IdleNoticesView(IdleNoticesViewModel vm) {
        this.vm = vm;
        root.setId("idle-notices");
        root.setPadding(new Insets(0, 18, 44, 0));
        root.setAlignment(Pos.BOTTOM_RIGHT);
        // Clicks pass through to the screen underneath except on the notifications themselves.
        root.setPickOnBounds(false);
        root.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(root, Pos.BOTTOM_RIGHT);
        vm.notices().addListener((ListChangeListener<IdleNoticesViewModel.Notice>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        root.getChildren().setAll(vm.notices().stream().map(this::notification).toList());
    }

    private Node notification(IdleNoticesViewModel.Notice n) {
        Notification note = new Notification(n.message());
        note.setId("notice-" + n.kind().name().toLowerCase() + "-" + n.subject());
        note.setPrefWidth(380);
        note.setMaxWidth(380);
        note.getStyleClass().addAll(Styles.ELEVATED_1, switch (n.kind()) {
            case WARNING -> Styles.WARNING;
            case STOPPED -> Styles.SUCCESS;
            case FAILED -> Styles.DANGER;
        });
        if (n.canKeepRunning()) {
            Button keep = new Button("Keep running");
            keep.setId("notice-keep-" + n.subject());
            keep.setDefaultButton(false);
            keep.setOnAction(e -> vm.keepRunning(n));
            note.setPrimaryActions(keep);
        }
        note.setOnClose(e -> vm.dismiss(n));
        return note;
    }

    public Node root() {
        return root;
    }
}
