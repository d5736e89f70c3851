package dev.outpost.profiles.model;

import dev.outpost.profiles.Runtime;
import java.util.Map;

@Doc("The platform itself: its registry mirror, default runtime, and the cost and carbon figures Outpost uses.")
public record Platform(@Required String apiVersion, @Required String kind, @Required Metadata metadata,
                       @Required Spec spec) implements Document {

    public record Spec(
            @Doc("Display name, e.g. 'Acme IDP'.") String displayName,
            @Doc("host[:port][/path] that images are pulled through, as a company mirror is used.") String registryMirror,
            @Doc("Runtime for profiles that do not name one.") Runtime defaultRuntime,
            @Doc("Kubernetes version the platform runs, e.g. 'v1.33.1'; local clusters match it.") String kubernetesVersion,
            @Doc("Currency of every price, ISO 4217, e.g. EUR.") String currency,
            @Doc("Price per hour the platform charges for a shared service, by service template name.")
            Map<String, Double> serviceCostPerHour,
            @Doc("Electricity price per kWh on the laptop.") Double electricityPerKwh,
            @Doc("Grid carbon intensity where laptops run, gCO2e/kWh.") Double laptopCarbonIntensity) {
    }
}
