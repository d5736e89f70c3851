package dev.outpost.stack.cost;

import java.util.Objects;

/**
 * A built-in grid intensity and where it comes from, so a screen or the CLI can say why it shows that number.
 *
 * @param gramsPerKwh grams CO2e per kWh
 * @param year        the year the figure averages
 * @param citation    dataset, file and commit (or page) it was read from
 */
public record Source(double gramsPerKwh, int year, String citation) {
    public Source {
        Objects.requireNonNull(citation, "citation");
        if (!(gramsPerKwh >= 0)) {
            throw new IllegalArgumentException("intensity must be >= 0, got " + gramsPerKwh);
        }
    }
}
