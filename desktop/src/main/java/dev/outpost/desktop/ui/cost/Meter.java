package dev.outpost.desktop.ui.cost;

import dev.outpost.stack.cost.CostMonitor;
import dev.outpost.stack.cost.CostService;
import dev.outpost.stack.cost.IdleListener;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.Metering;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the window reads of cost and carbon: the history (through the service), the monitor's live figures and
 * its idle events, and "keep running". Every method may open the usage store or block on the monitor's round:
 * view models call them through the executor, never on the FX thread.
 */
public interface Meter {
    CostService service();

    /** Latest figures per subject: running environments, the leased remote GPU, local models. */
    Map<String, LiveFigures> live();

    /** Restarts the subject's idle time (waits for the monitor's round in progress). */
    void keepRunning(String subject);

    void addListener(IdleListener listener);

    /** The user's calendar: days in charts and "today" start at midnight here, times are shown here. */
    ZoneId zone();

    /** The app's metering; the monitor is built on first use and started elsewhere. */
    static Meter of(Metering metering) {
        return new Meter() {
            @Override
            public CostService service() {
                return metering.service();
            }

            @Override
            public Map<String, LiveFigures> live() {
                return metering.monitor().live();
            }

            @Override
            public void keepRunning(String subject) {
                metering.monitor().keepRunning(subject);
            }

            @Override
            public void addListener(IdleListener listener) {
                metering.monitor().addListener(listener);
            }

            @Override
            public ZoneId zone() {
                return ZoneId.systemDefault();
            }
        };
    }

    /** Over a service and monitor built elsewhere (tests build both over one store and a clock they move). */
    static Meter of(CostService service, CostMonitor monitor, ZoneId zone) {
        return new Meter() {
            @Override
            public CostService service() {
                return service;
            }

            @Override
            public Map<String, LiveFigures> live() {
                return monitor.live();
            }

            @Override
            public void keepRunning(String subject) {
                monitor.keepRunning(subject);
            }

            @Override
            public void addListener(IdleListener listener) {
                monitor.addListener(listener);
            }

            @Override
            public ZoneId zone() {
                return zone;
            }
        };
    }
}
