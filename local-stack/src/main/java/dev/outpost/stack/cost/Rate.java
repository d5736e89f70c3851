package dev.outpost.stack.cost;

/** What something costs and emits per hour at its present pace. */
public record Rate(double watts, double costPerHour, double gramsPerHour, String currency) {
    public static Rate zero(String currency) {
        return new Rate(0, 0, 0, currency);
    }

    public double kwhPerHour() {
        return watts / 1000;
    }
}
