package dev.outpost.stack.cost;

import dev.outpost.stack.cost.sampling.UsageInterval;
import java.util.List;

/**
 * Cloud Carbon Footprint's method applied to an environment on the laptop. CCF needs vCPU-hours and an average
 * utilisation; an environment has no VM, so its vCPUs are what its services request (Kubernetes notation in the
 * catalog, e.g. 250m), or what it used when it used more, and its utilisation is use over that. Memory follows
 * CCF's per-GB coefficient. Energy × the laptop's grid intensity gives emissions; energy × the electricity price
 * plus the platform's charge for each shared service gives the cost.
 */
public final class EnvironmentPower {
    private EnvironmentPower() {
    }

    public static Figures figures(UsageInterval usage, double requestedCpus, List<String> templates, LaptopPricing p) {
        double hours = usage.span().toNanos() / 3.6e12;
        double vcpus = Math.max(requestedCpus, usage.cpuCores());
        double utilisation = vcpus == 0 ? 0 : usage.cpuCores() / vcpus;
        CcfCoefficients c = p.coefficients();
        double kwh = CcfMethod.computeKwh(vcpus * hours, c.minWattsPerVcpu(), c.maxWattsPerVcpu(), utilisation, c.pue())
                + CcfMethod.memoryKwh(usage.memoryBytes() / 1e9 * hours, c.pue());
        double charges = templates.stream().mapToDouble(t -> p.serviceCostPerHour().getOrDefault(t, 0.0)).sum() * hours;
        return new Figures(usage.span(), kwh, CcfMethod.grams(kwh, p.intensity().gramsPerKwh()),
                kwh * p.electricityPerKwh() + charges, p.currency());
    }
}
