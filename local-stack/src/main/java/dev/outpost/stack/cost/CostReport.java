package dev.outpost.stack.cost;

import dev.outpost.stack.cost.store.DailyUsage;
import dev.outpost.stack.cost.store.IdleStop;
import dev.outpost.stack.cost.store.UsageTotal;
import java.time.Instant;
import java.util.List;

/**
 * Figures over a period, for {@code outpost cost} and the Cost screen: totals per subject, per day, what runs
 * now and at what rate, and what idle stops saved.
 *
 * @param intensity the laptop's grid intensity used now, and where it comes from
 */
public record CostReport(Instant since, Instant until, String currency, Intensity intensity, List<UsageTotal> totals,
                         List<DailyUsage> daily, List<LiveFigures> running, List<IdleStop> idleStops,
                         double savedCost, double savedGrams) {

    public double totalCost() {
        return totals.stream().mapToDouble(UsageTotal::cost).sum();
    }

    public double totalGrams() {
        return totals.stream().mapToDouble(UsageTotal::grams).sum();
    }

    public double totalKwh() {
        return totals.stream().mapToDouble(UsageTotal::kwh).sum();
    }
}
