package dev.outpost.stack.cost;

import java.time.Duration;

/** Energy, emissions and money over one interval. */
public record Figures(Duration span, double kwh, double grams, double cost, String currency) {

    /** The same figures per hour; zero for an empty interval. */
    public Rate rate() {
        double hours = span.toNanos() / 3.6e12;
        return hours == 0 ? Rate.zero(currency) : new Rate(kwh * 1000 / hours, cost / hours, grams / hours, currency);
    }
}
