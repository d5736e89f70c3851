package dev.outpost.desktop.cli;

import dev.outpost.stack.cost.Rate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the CLI writes figures: money with its currency and enough digits for the tiny sums a laptop makes. */
final class Figures {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Figures() {
    }

    static String money(double amount, String currency) {
        return String.format(Locale.ROOT, amount != 0 && Math.abs(amount) < 0.01 ? "%.4f %s" : "%.2f %s", amount, currency);
    }

    static String grams(double g) {
        return g >= 1000 ? String.format(Locale.ROOT, "%.2f kgCO2e", g / 1000)
                : String.format(Locale.ROOT, g != 0 && g < 1 ? "%.3f gCO2e" : "%.1f gCO2e", g);
    }

    static String kwh(double kwh) {
        return kwh >= 1 ? String.format(Locale.ROOT, "%.2f kWh", kwh) : String.format(Locale.ROOT, "%.1f Wh", kwh * 1000);
    }

    static String rate(Rate r) {
        return String.format(Locale.ROOT, "%.1f W · %s/h · %s/h", r.watts(), money(r.costPerHour(), r.currency()),
                grams(r.gramsPerHour()));
    }

    static String duration(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes > 0 ? minutes + " min" : d.toSeconds() + " s";
    }

    static String when(Instant at) {
        return WHEN.format(at.atZone(ZoneId.systemDefault()));
    }
}
