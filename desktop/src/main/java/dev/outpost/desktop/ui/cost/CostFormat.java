package dev.outpost.desktop.ui.cost;

import dev.outpost.stack.cost.Intensity;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.Rate;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * The words and numbers the window shows for cost and carbon, in one place so cards, notifications, the Models
 * screen and the Cost screen say the same thing the same way. Tiny figures keep two significant digits (an
 * idle container costs fractions of a cent an hour), larger ones the usual two decimals.
 */
public final class CostFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private CostFormat() {
    }

    /** €0.12, €0.0009, $3.40, CHF 1.20: the currency's symbol where it has one, its code otherwise. */
    public static String money(double amount, String currency) {
        String symbol = symbol(currency);
        String number = amount == 0 ? "0.00" : Math.abs(amount) >= 0.01 ? String.format(Locale.ROOT, "%.2f", amount)
                : significant(amount, 2);
        return symbol.length() == 1 ? symbol + number : symbol + " " + number;
    }

    static String symbol(String currency) {
        if (currency == null || currency.isBlank()) {
            return "";
        }
        try {
            return Currency.getInstance(currency.trim().toUpperCase(Locale.ROOT)).getSymbol(Locale.US);
        } catch (IllegalArgumentException e) {
            return currency;
        }
    }

    /** 0.6 gCO2e, 12 gCO2e, 1.4 kgCO2e. */
    public static String grams(double grams) {
        double a = Math.abs(grams);
        if (a == 0) {
            return "0 gCO2e";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.1f kgCO2e", grams / 1000);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.0f gCO2e", grams);
        }
        return (a >= 0.1 ? String.format(Locale.ROOT, "%.1f", grams) : significant(grams, 2)) + " gCO2e";
    }

    /** 3.1 W, 72 W. */
    public static String watts(double watts) {
        return String.format(Locale.ROOT, Math.abs(watts) < 10 ? "%.1f W" : "%.0f W", watts);
    }

    /** Three significant digits: 0.0123 kWh, 1.23 kWh, 123 kWh. */
    public static String kwh(double kwh) {
        if (kwh == 0) {
            return "0 kWh";
        }
        return (Math.abs(kwh) >= 100 ? String.format(Locale.ROOT, "%.0f", kwh) : significant(kwh, 3)) + " kWh";
    }

    /** 45 s, 12 min, 2 h 5 min, 3 d 4 h. */
    public static String duration(Duration d) {
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        long m = d.toMinutes();
        if (m < 60) {
            return m + " min";
        }
        long h = d.toHours();
        if (h < 24) {
            return h + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
        }
        return d.toDays() + " d" + (h % 24 == 0 ? "" : " " + h % 24 + " h");
    }

    /** 14:32 today, 3 Mar 14:32 on another day. */
    public static String time(Instant at, Instant now, ZoneId zone) {
        boolean today = LocalDate.ofInstant(at, zone).equals(LocalDate.ofInstant(now, zone));
        return (today ? TIME : DAY_TIME).format(at.atZone(zone));
    }

    /** €0.0009/h · 0.6 gCO2e/h */
    public static String perHour(Rate r) {
        return money(r.costPerHour(), r.currency()) + "/h · " + grams(r.gramsPerHour()) + "/h";
    }

    /** An environment card's live line: "3.1 W · €0.0009/h · 0.6 gCO2e/h · idle 12 min, stops at 14:32". */
    public static String live(LiveFigures f, Instant now, ZoneId zone) {
        StringBuilder b = new StringBuilder(watts(f.rate().watts())).append(" · ").append(perHour(f.rate()));
        f.idleSince().ifPresent(since -> {
            b.append(" · idle ").append(duration(Duration.between(since, now)));
            f.stopsAt().ifPresent(at -> b.append(", stops at ").append(time(at, now, zone)));
        });
        return b.toString();
    }

    /** The remote GPU while its lease is held: what it costs now and when it goes. */
    public static String lease(LiveFigures f, Instant now, ZoneId zone) {
        StringBuilder b = new StringBuilder("Leased now: ").append(perHour(f.rate()));
        f.idleSince().ifPresent(last -> b.append(" · last request ").append(duration(Duration.between(last, now)))
                .append(" ago"));
        f.stopsAt().ifPresent(at -> b.append(" · released at ").append(time(at, now, zone)).append(" without requests"));
        return b.toString();
    }

    /** A card after an idle stop: "Stopped at 14:32 after 30 min idle · saved €0.04 and 12 gCO2e so far". */
    public static String saving(IdleStop s, Instant now, ZoneId zone) {
        return "Stopped at " + time(s.stoppedAt(), now, zone) + " after "
                + duration(Duration.between(s.idleSince(), s.stoppedAt())) + " idle · saved "
                + money(s.savedCost(now), s.currency()) + " and " + grams(s.savedGrams(now)) + " so far";
    }

    /** The notification after a stop: "Stopped web-backend after 30 min idle; saves €0.12/h". */
    public static String stopped(IdleStop s) {
        String idle = duration(Duration.between(s.idleSince(), s.stoppedAt()));
        String saves = "; saves " + money(s.costPerHour(), s.currency()) + "/h and " + grams(s.gramsPerHour()) + "/h";
        return s.kind() == UsageKind.REMOTE_GPU
                ? "Released the remote GPU " + s.subject() + " after " + idle + " without requests" + saves
                : "Stopped " + s.subject() + " after " + idle + " idle" + saves;
    }

    /** Which grid intensity the laptop's figures use, and where it comes from. */
    public static String intensity(Intensity i, Instant now, ZoneId zone) {
        String origin = switch (i.origin()) {
            case LIVE -> "live, for " + time(i.at(), now, zone);
            case YEARLY_AVERAGE -> "yearly average";
            case CONFIGURED -> "configured";
        };
        return String.format(Locale.ROOT, "Laptop grid: %.0f gCO2e/kWh for %s (%s) · source: %s", i.gramsPerKwh(),
                i.zone(), origin, i.source());
    }

    private static String significant(double value, int digits) {
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
