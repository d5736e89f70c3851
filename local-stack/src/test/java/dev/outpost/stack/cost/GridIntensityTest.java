package dev.outpost.stack.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridIntensityTest {

    @Test
    void cloudRegionsCarryGoogles2025FigureAndItsCitation() {
        assertThat(GridIntensity.forRegion("europe-west1")).hasValue(126.43);
        assertThat(GridIntensity.forRegion("US-CENTRAL1")).hasValue(431.95);
        assertThat(GridIntensity.regionSource("europe-west9")).hasValueSatisfying(s -> {
            assertThat(s.year()).isEqualTo(2025);
            assertThat(s.citation()).contains("region-carbon-info").contains("74d9bf81");
        });
    }

    @Test
    void laptopZonesCarryElectricityMaps2024Figures() {
        assertThat(GridIntensity.forZone("FR")).hasValue(33.0);
        assertThat(GridIntensity.forZone("de")).hasValue(341.0);
        assertThat(GridIntensity.forZone("us-cal-ciso")).hasValue(229.0);
        assertThat(GridIntensity.zoneSource("PL")).hasValueSatisfying(s -> {
            assertThat(s.year()).isEqualTo(2024);
            assertThat(s.citation()).contains("Electricity Maps");
        });
    }

    @Test
    void everyEuMemberStateHasAFigure() {
        for (String country : new String[] {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
                "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}) {
            assertThat(GridIntensity.forZone(country)).as(country).isPresent();
        }
    }

    @Test
    void theWorldAverageComesFromEmber() {
        assertThat(GridIntensity.zoneSource("world")).hasValueSatisfying(s -> {
            assertThat(s.gramsPerKwh()).isEqualTo(485.99);
            assertThat(s.year()).isEqualTo(2022);
            assertThat(s.citation()).contains("Ember");
        });
    }

    @Test
    void unknownRegionsAndZonesAreEmpty() {
        assertThat(GridIntensity.forRegion("mars-north1")).isEmpty();
        assertThat(GridIntensity.forZone("XX")).isEmpty();
        assertThat(GridIntensity.forRegion(null)).isEmpty();
        assertThat(GridIntensity.forZone(null)).isEmpty();
    }

    @Test
    void knownZonesListEveryZoneWithAFigureWorldFirst() {
        assertThat(GridIntensity.knownZones()).first().isEqualTo("WORLD");
        assertThat(GridIntensity.knownZones()).contains("DE", "FR", "US-CAL-CISO")
                .allSatisfy(z -> assertThat(GridIntensity.forZone(z)).as(z).isPresent());
    }

    @Test
    void gcpPueIsTheRegionsTrailingFigureOrTheFleetAverage() {
        assertThat(CcfCoefficients.gcpPue("us-central1")).isEqualTo(1.11);
        assertThat(CcfCoefficients.gcpPue("europe-west9")).isEqualTo(CcfCoefficients.GCP_PUE_AVERAGE);
    }
}
