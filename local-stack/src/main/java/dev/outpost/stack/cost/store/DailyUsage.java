package dev.outpost.stack.cost.store;

import java.time.LocalDate;

/** One subject's figures on one day of the user's calendar. */
public record DailyUsage(LocalDate day, String subject, UsageKind kind, double kwh, double grams, double cost,
                         String currency) {
}
