package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.stack.cost.CostMonitor;
import dev.outpost.stack.cost.IdleListener;
import dev.outpost.stack.cost.store.IdleStop;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code outpost monitor}: what the window does in the background, in the foreground for a terminal or a
 * headless box: meters every running environment and applies the idle policy until Ctrl+C.
 */
@Command(name = "monitor", description = {"Meter running environments (cost, energy, emissions) and apply the idle policy",
    "in the foreground until Ctrl+C, as the window does. --json prints one JSON object per event."})
final class MonitorCommand extends ProfileCommand.Base {
    MonitorCommand(AppServices services) {
        super(services);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        var metering = services.metering();
        CostMonitor monitor = metering.monitor();
        monitor.addListener(new IdleListener() {
            @Override
            public void warned(String subject, Instant stopsAt) {
                event("warned", subject, Map.of("stopsAt", stopsAt.toString()),
                        subject + " is idle: it stops at " + Figures.when(stopsAt) + " unless it is used");
            }

            @Override
            public void stopped(IdleStop s) {
                event("stopped", s.subject(), Map.of("idleSince", s.idleSince().toString(), "costPerHour", s.costPerHour(),
                        "gramsPerHour", s.gramsPerHour()), s.subject() + " stopped after "
                        + Figures.duration(java.time.Duration.between(s.idleSince(), s.stoppedAt())) + " idle; saves "
                        + Figures.money(s.costPerHour(), s.currency()) + "/h and " + Figures.grams(s.gramsPerHour()) + "/h");
            }

            @Override
            public void stopFailed(String subject, Exception cause) {
                event("stopFailed", subject, Map.of("message", String.valueOf(cause.getMessage())),
                        "could not stop " + subject + ": " + cause.getMessage());
            }

            private void event(String kind, String subject, Map<String, Object> fields, String text) {
                synchronized (out) {
                    if (output.json()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("event", kind);
                        m.put("subject", subject);
                        m.putAll(fields);
                        out.println(Json.MAPPER.writer().writeValueAsString(m));
                    } else {
                        out.println(Figures.when(Instant.now()) + "  " + text);
                    }
                    out.flush();
                }
            }
        });
        if (!metering.startMonitor()) {
            spec.commandLine().getErr().println("outpost monitor: another Outpost process (the window, `outpost monitor`"
                    + " or `outpost gateway`) already meters " + metering.storeFile().getParent());
            return ExitCodes.FAILURE;
        }
        if (!output.json()) {
            out.println("Metering every " + metering.period().toSeconds() + " s into " + metering.storeFile()
                    + "; Ctrl+C stops.");
            out.flush();
        }
        try {
            Thread.currentThread().join();
        } finally {
            metering.close();
        }
        return ExitCodes.OK;
    }
}
