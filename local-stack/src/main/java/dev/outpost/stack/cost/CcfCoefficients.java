package dev.outpost.stack.cost;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Per-vCPU power and the PUE one estimate uses. Callers pass a record, so a user who knows their machine better
 * than these averages can supply their own.
 *
 * @param name            shown next to a figure so people can tell which set produced it
 * @param minWattsPerVcpu watts per vCPU at 0 % utilisation
 * @param maxWattsPerVcpu watts per vCPU at 100 % utilisation
 * @param pue             power usage effectiveness: facility energy / IT energy, 1.0 for a machine on a desk
 */
public record CcfCoefficients(String name, double minWattsPerVcpu, double maxWattsPerVcpu, double pue) {

    // Values below: CCF methodology, Appendix I "Energy Coefficients" and "Power Usage Effectiveness",
    // microsite/docs/HowItWorks/Methodology.md @ 651dfe2b38bbe0d41fad08fcc6034ff1aef57ef9.

    /** CCF, "Memory": the mean of Crucial's 0.375 W/GB and Micron's 0.4083 W/GB. */
    public static final double MEMORY_KWH_PER_GB_HOUR = 0.000392;

    /** CCF AWS average over its micro-architectures; PUE 1.135. */
    public static final CcfCoefficients AWS = new CcfCoefficients("CCF AWS average", 0.74, 3.5, 1.135);

    /** CCF GCP median over its micro-architectures; PUE 1.1 (Google's published fleet PUE, as CCF uses it). */
    public static final CcfCoefficients GCP = new CcfCoefficients("CCF GCP median", 0.71, 4.26, 1.1);

    /**
     * CCF Azure average; PUE 1.185 from the methodology's PUE section and Microsoft's statement it quotes.
     * (The same page's Appendix I says 1.125, Microsoft's figure for its <em>latest designs</em>; the fleet-wide
     * 1.185 is the one CCF's text says it uses.)
     */
    public static final CcfCoefficients AZURE = new CcfCoefficients("CCF Azure average", 0.78, 3.76, 1.185);

    /**
     * The laptop or desktop Outpost runs on. No SPECpower row describes a laptop, so this takes CCF's
     * highest per-vCPU maximum (GCP's 4.26 W) and its lowest minimum (GCP's 0.71 W): a conservative
     * server-class figure that over- rather than under-states a laptop's draw. PUE is 1.0: there is no
     * data-centre cooling between the wall socket and the machine. Override it when a measured figure exists.
     */
    public static final CcfCoefficients LAPTOP = new CcfCoefficients("Laptop (CCF GCP median, PUE 1.0)", 0.71,
            4.26, 1.0);

    /** Google's fleet average PUE as CCF uses it ({@code PUE_AVG}). */
    public static final double GCP_PUE_AVERAGE = 1.1;

    /**
     * CCF's per-region trailing-twelve-month PUEs, {@code PUE_TRAILING_TWELVE_MONTH} in
     * {@code packages/gcp/src/domain/GcpFootprintEstimationConstants.ts} @ 0656d55594b69d74ce35ff18019be36140beaa50.
     */
    private static final Map<String, Double> GCP_REGION_PUE = Map.of(
            "us-east1", 1.102,
            "us-central1", 1.11,
            "us-central2", 1.12,
            "us-west1", 1.095,
            "europe-west1", 1.08,
            "europe-west4", 1.09,
            "europe-north1", 1.09,
            "asia-east1", 1.13,
            "asia-southeast1", 1.14,
            "southamerica-east1", 1.09);

    public CcfCoefficients {
        Objects.requireNonNull(name, "name");
        if (!(minWattsPerVcpu >= 0) || !(maxWattsPerVcpu >= minWattsPerVcpu)) {
            throw new IllegalArgumentException("need 0 <= min <= max watts, got " + minWattsPerVcpu + " and "
                    + maxWattsPerVcpu);
        }
        if (!(pue >= 1.0)) {
            throw new IllegalArgumentException("PUE is at least 1.0, got " + pue);
        }
    }

    /** The same watts at another PUE, e.g. a GCP region's own. */
    public CcfCoefficients withPue(double newPue) {
        return new CcfCoefficients(name, minWattsPerVcpu, maxWattsPerVcpu, newPue);
    }

    /** A GCP region's trailing PUE where CCF lists one, else Google's fleet average, as CCF's {@code getPUE} does. */
    public static double gcpPue(String region) {
        if (region == null) {
            return GCP_PUE_AVERAGE;
        }
        return GCP_REGION_PUE.getOrDefault(region.trim().toLowerCase(Locale.ROOT), GCP_PUE_AVERAGE);
    }
}
