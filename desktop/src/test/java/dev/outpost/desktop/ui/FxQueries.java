package dev.outpost.desktop.ui;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lookups for wait conditions, run on the FX thread: the screens rebuild their nodes while work completes, and
 * walking the scene graph from the test thread at that moment fails at random.
 */
final class FxQueries {
    private FxQueries() {
    }

    /** The text of the node matching {@code query}, or empty while there is none. */
    static String text(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Optional<Node> n = robot.lookup(query).tryQuery();
                return n.map(node -> node instanceof Labeled l ? l.getText()
                        : node instanceof TextInputControl t ? t.getText() : "").orElse("");
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("lookup of " + query + " failed", e);
        }
    }

    static boolean present(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().isPresent()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("lookup of " + query + " failed", e);
        }
    }

    /** Whether the node exists and is visible (a button a card hides is still in the scene graph). */
    static boolean visible(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("lookup of " + query + " failed", e);
        }
    }

    /**
     * Waits until the node matching {@code query} stays the same instance across several FX pulses: cards are
     * rebuilt when work completes, and a click on a node being replaced reaches nothing.
     */
    static void awaitStable(FxRobot robot, String query) throws java.util.concurrent.TimeoutException {
        java.util.concurrent.atomic.AtomicReference<Node> last = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger same = new java.util.concurrent.atomic.AtomicInteger();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Node now;
            try {
                now = WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().orElse(null)).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                return false;
            }
            WaitForAsyncUtils.waitForFxEvents();
            if (now != null && now == last.get()) {
                return same.incrementAndGet() >= 5;
            }
            last.set(now);
            same.set(0);
            return false;
        });
    }

    /**
     * Scrolls the node's scroll pane so the node is in view, on the FX thread, then waits for the layout: a
     * click goes to screen coordinates, and a card below the fold would send it elsewhere.
     */
    static void reveal(FxRobot robot, String query) throws java.util.concurrent.TimeoutException {
        awaitStable(robot, query);
        robot.interact(() -> {
            Node node = robot.lookup(query).query();
            Node p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                javafx.geometry.Bounds b = sp.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double hidden = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                if (hidden > 0) {
                    sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 10) / hidden)));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
