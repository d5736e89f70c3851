package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.validation.Durations;
import dev.outpost.stack.cost.CostReport;
import dev.outpost.stack.cost.CostService;
import dev.outpost.stack.cost.Intensity;
import dev.outpost.stack.cost.LiveFigures;
import dev.outpost.stack.cost.Rate;
import dev.outpost.stack.cost.store.DailyUsage;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageTotal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code outpost cost}: what environments, local models and the remote GPU cost and emitted, per subject and
 * per day, what they cost per hour now, and what idle stops saved. Reads the usage store that the window (or
 * {@code outpost monitor}) fills.
 */
@Command(name = "cost", description = {"Cost, energy and emissions per environment and remote GPU: totals, per day,",
    "per hour now, and what idle stops saved. Figures are recorded while the window or `outpost monitor` runs."})
final class CostCommand extends ProfileCommand.Base {
    /** Rates are averaged over this much recent metering: a few rounds, so one busy sample does not swing them. */
    static final Duration RECENT = Duration.ofMinutes(2);

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "One environment (or remote target); default: all.")
    String subject;

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = "7d",
            description = "How far back: a duration (24h, 7d, 30d) or a date (2026-11-01). Default: ${DEFAULT-VALUE}.")
    String since;

    CostCommand(AppServices services) {
        super(services);
    }

    @Override
    public Integer call() throws Exception {
        ZoneId zone = ZoneId.systemDefault();
        CostService cost = services.metering().service();
        Instant now = cost.clock().instant();
        Instant from;
        try {
            from = since(since, now, zone);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("outpost cost: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Optional<String> only = Optional.ofNullable(subject);
        CostReport report = cost.report(only, from, zone, recent(cost, now, only));
        if (only.isPresent() && report.totals().isEmpty() && report.idleStops().isEmpty()) {
            spec.commandLine().getErr().println("outpost cost: no figures recorded for " + subject + " since "
                    + from + "; figures are recorded while the window or `outpost monitor` runs");
            return ExitCodes.FAILURE;
        }
        Optional<InferenceTarget> target = only.isPresent() ? Optional.empty() : services.inference().remoteTarget();
        if (output.json()) {
            out().println(Json.write(json(report, target, cost)));
        } else {
            print(report, target, cost);
        }
        return ExitCodes.OK;
    }

    /** {@code 7d}, {@code 24h} back from now, or a calendar date's start in the user's zone. */
    static Instant since(String text, Instant now, ZoneId zone) {
        Optional<Duration> back = Durations.parse(text);
        if (back.isPresent()) {
            return now.minus(back.get());
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since " + text + " is neither a duration (7d, 24h) nor a date (2026-11-01)");
        }
    }

    /** What ran in the last couple of minutes of metering, as rates, from the store (any process may meter). */
    static List<LiveFigures> recent(CostService cost, Instant now, Optional<String> only) {
        return cost.store().totals(now.minus(RECENT), only).stream().filter(t -> !t.running().isZero()).map(t -> {
            double hours = t.running().toMillis() / 3_600_000.0;
            // A subject metered in several processes at once would count its seconds twice; the rate stays right.
            Rate r = new Rate(t.averageWatts(), t.cost() / hours, t.grams() / hours, t.currency());
            return new LiveFigures(t.subject(), t.kind(), now, 0, 0, OptionalInt.empty(), r, Optional.empty(),
                    Optional.empty());
        }).toList();
    }

    private Map<String, Object> json(CostReport r, Optional<InferenceTarget> target, CostService cost) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("since", r.since().toString());
        m.put("until", r.until().toString());
        m.put("currency", r.currency());
        m.put("gridIntensity", intensity(r.intensity()));
        m.put("total", ordered("kwh", r.totalKwh(), "gramsCo2e", r.totalGrams(), "cost", r.totalCost()));
        m.put("subjects", r.totals().stream().map(t -> subject(t, r.running())).toList());
        m.put("days", r.daily().stream().map(CostCommand::day).toList());
        m.put("idleStops", r.idleStops().stream().map(s -> stop(s, r.until())).toList());
        m.put("saved", ordered("cost", r.savedCost(), "gramsCo2e", r.savedGrams()));
        target.ifPresent(t -> m.put("remoteTarget", target(t, cost)));
        return m;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> intensity(Intensity i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gramsPerKwh", i.gramsPerKwh());
        m.put("zone", i.zone());
        m.put("origin", i.origin().name().toLowerCase(Locale.ROOT));
        m.put("source", i.source());
        return m;
    }

    private static Map<String, Object> subject(UsageTotal t, List<LiveFigures> running) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.subject());
        m.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        m.put("running", t.running().toString());
        m.put("kwh", t.kwh());
        m.put("gramsCo2e", t.grams());
        m.put("cost", t.cost());
        m.put("averageWatts", t.averageWatts());
        m.put("now", running.stream().filter(f -> f.subject().equals(t.subject())).findFirst()
                .map(f -> rate(f.rate())).orElse(null));
        return m;
    }

    private static Map<String, Object> rate(Rate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("watts", r.watts());
        m.put("costPerHour", r.costPerHour());
        m.put("gramsPerHour", r.gramsPerHour());
        return m;
    }

    private static Map<String, Object> day(DailyUsage d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", d.day().toString());
        m.put("subject", d.subject());
        m.put("kwh", d.kwh());
        m.put("gramsCo2e", d.grams());
        m.put("cost", d.cost());
        return m;
    }

    private static Map<String, Object> stop(IdleStop s, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", s.subject());
        m.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
        m.put("stoppedAt", s.stoppedAt().toString());
        m.put("idleSince", s.idleSince().toString());
        m.put("resumedAt", s.resumedAt().map(Instant::toString).orElse(null));
        m.put("costPerHour", s.costPerHour());
        m.put("gramsPerHour", s.gramsPerHour());
        m.put("savedCost", s.savedCost(now));
        m.put("savedGramsCo2e", s.savedGrams(now));
        return m;
    }

    private static Map<String, Object> target(InferenceTarget t, CostService cost) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("region", t.spec().region());
        m.put("gpu", t.spec().gpu() == null ? null : t.spec().gpu().type());
        m.put("onDemand", cost.targetRate(t, false).map(CostCommand::rate).orElse(null));
        m.put("spot", t.spec().spotCostPerHour() == null ? null : cost.targetRate(t, true).map(CostCommand::rate).orElse(null));
        return m;
    }

    private void print(CostReport r, Optional<InferenceTarget> target, CostService cost) {
        String c = r.currency();
        out().printf("Since %s · grid %.0f gCO2e/kWh (%s, %s)%n%n", Figures.when(r.since()), r.intensity().gramsPerKwh(),
                r.intensity().zone(), r.intensity().source());
        if (r.totals().isEmpty()) {
            out().println("No figures recorded yet: they are recorded while the window or `outpost monitor` runs.");
        } else {
            Table t = new Table("SUBJECT", "KIND", "RAN", "ENERGY", "CO2E", "COST", "NOW");
            for (UsageTotal u : r.totals()) {
                String now = r.running().stream().filter(f -> f.subject().equals(u.subject())).findFirst()
                        .map(f -> Figures.rate(f.rate())).orElse("-");
                t.row(u.subject(), u.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), Figures.duration(u.running()),
                        Figures.kwh(u.kwh()), Figures.grams(u.grams()), Figures.money(u.cost(), c), now);
            }
            t.row("total", "", "", Figures.kwh(r.totalKwh()), Figures.grams(r.totalGrams()), Figures.money(r.totalCost(), c), "");
            out().print(t.render());
        }
        if (!r.idleStops().isEmpty()) {
            out().println();
            out().printf("Idle stops saved %s and %s:%n", Figures.money(r.savedCost(), c), Figures.grams(r.savedGrams()));
            for (IdleStop s : r.idleStops()) {
                out().printf("  %s stopped %s after %s idle, %s (saved %s, %s)%n", s.subject(), Figures.when(s.stoppedAt()),
                        Figures.duration(Duration.between(s.idleSince(), s.stoppedAt())),
                        s.resumedAt().map(at -> "ran again " + Figures.when(at)).orElse("still stopped"),
                        Figures.money(s.savedCost(r.until()), c), Figures.grams(s.savedGrams(r.until())));
            }
        }
        target.ifPresent(t -> {
            out().println();
            out().printf("Remote GPU %s (%s, %s): %s on demand%s%n", t.name(),
                    t.spec().gpu() == null ? "GPU unknown" : t.spec().gpu().type(), t.spec().region(),
                    cost.targetRate(t, false).map(Figures::rate).orElse("no figures"),
                    t.spec().spotCostPerHour() == null ? ""
                            : ", " + cost.targetRate(t, true).map(Figures::rate).orElse("") + " on spot");
        });
    }
}
