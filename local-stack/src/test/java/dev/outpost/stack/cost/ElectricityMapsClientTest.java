package dev.outpost.stack.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.outpost.stack.cost.ElectricityMapsException.Reason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElectricityMapsClientTest {
    private final FakeElectricityMaps api = new FakeElectricityMaps().zone("DE", 312).zone("US-CAL-CISO", 229);

    @AfterEach
    void stop() {
        api.close();
    }

    private ElectricityMapsClient client(String key) {
        return new ElectricityMapsClient(api.baseUrl(), key, Duration.ofSeconds(2), Duration.ofSeconds(5), null);
    }

    @Test
    void readsEveryDocumentedFieldOfTheLatestIntensity() {
        LiveIntensity live = client(FakeElectricityMaps.KEY).latest("DE");

        assertThat(live.zone()).isEqualTo("DE");
        assertThat(live.gramsPerKwh()).isEqualTo(312.0);
        assertThat(live.datetime()).isEqualTo(Instant.parse("2025-03-29T18:00:00Z"));
        assertThat(live.updatedAt()).isEqualTo(Instant.parse("2025-03-29T16:45:44.917Z"));
        assertThat(live.emissionFactorType()).isEqualTo("lifecycle");
        assertThat(live.estimated()).isTrue();
        assertThat(live.estimationMethod()).isEqualTo("TIME_SLICER_AVERAGE");
        assertThat(api.queries()).containsExactly("zone=DE");
    }

    @Test
    void sendsZoneKeysUpperCaseAsTheApiNamesThem() {
        assertThat(client(FakeElectricityMaps.KEY).latest("us-cal-ciso").gramsPerKwh()).isEqualTo(229.0);
        assertThat(api.queries()).containsExactly("zone=US-CAL-CISO");
    }

    @Test
    void aWrongKeyIsUnauthorizedAndTheMessageCarriesTheServersReasonButNotTheKey() {
        String wrongKey = "wrong-key-8d1e77";
        ElectricityMapsException e = catchThrowableOfType(ElectricityMapsException.class,
                () -> client(wrongKey).latest("DE"));

        assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(e.httpStatus()).hasValue(401);
        assertThat(e.getMessage()).contains("Invalid auth-token").doesNotContain(wrongKey);
    }

    @Test
    void forbiddenIsUnauthorizedToo() {
        api.answerAlways(403, "{\"error\": \"Access denied\"}");
        assertThatThrownBy(() -> client(FakeElectricityMaps.KEY).latest("DE"))
                .isInstanceOfSatisfying(ElectricityMapsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
    }

    @Test
    void anUnknownZoneIsReportedAsSuch() {
        ElectricityMapsException e = catchThrowableOfType(ElectricityMapsException.class,
                () -> client(FakeElectricityMaps.KEY).latest("XX"));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ZONE);
        assertThat(e.getMessage()).contains("XX");
    }

    @Test
    void aMalformedZoneKeyIsRefusedWithoutAskingTheApi() {
        assertThatThrownBy(() -> client(FakeElectricityMaps.KEY).latest("DE&zone=FR"))
                .isInstanceOfSatisfying(ElectricityMapsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ZONE));
        assertThat(api.hits()).isZero();
    }

    @Test
    void tooManyRequestsIsRateLimited() {
        api.answerAlways(429, "{\"error\": \"Too many requests\"}");
        ElectricityMapsException e = catchThrowableOfType(ElectricityMapsException.class,
                () -> client(FakeElectricityMaps.KEY).latest("DE"));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.httpStatus()).hasValue(429);
    }

    @Test
    void aServerErrorIsUnavailable() {
        api.answerAlways(503, "upstream down");
        assertThatThrownBy(() -> client(FakeElectricityMaps.KEY).latest("DE"))
                .isInstanceOfSatisfying(ElectricityMapsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void aBodyThatIsNotJsonIsABadResponse() {
        api.answerAlways(200, "<html>captive portal</html>");
        assertThatThrownBy(() -> client(FakeElectricityMaps.KEY).latest("DE"))
                .isInstanceOfSatisfying(ElectricityMapsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE));
    }

    @Test
    void jsonWithoutTheIntensityIsABadResponse() {
        api.answerAlways(200, "{\"zone\": \"DE\", \"datetime\": \"2025-03-29T18:00:00.000Z\"}");
        assertThatThrownBy(() -> client(FakeElectricityMaps.KEY).latest("DE"))
                .isInstanceOfSatisfying(ElectricityMapsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE));
    }

    @Test
    void aNullIntensityMeansNoCurrentFigureNotAMalformedAnswer() {
        api.answerAlways(200, "{\"zone\": \"DE\", \"carbonIntensity\": null, "
                + "\"datetime\": \"2025-03-29T18:00:00.000Z\"}");
        assertThatThrownBy(() -> client(FakeElectricityMaps.KEY).latest("DE"))
                .isInstanceOfSatisfying(ElectricityMapsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsUnavailable() {
        api.hang();
        ElectricityMapsClient client = new ElectricityMapsClient(api.baseUrl(), FakeElectricityMaps.KEY,
                Duration.ofSeconds(2), Duration.ofMillis(300), null);

        ElectricityMapsException e = catchThrowableOfType(ElectricityMapsException.class, () -> client.latest("DE"));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    void theKeyIsMaskedEvenWhenTheServerEchoesIt() {
        api.answerAlways(401, "{\"error\": \"token " + FakeElectricityMaps.KEY + " is invalid\"}");
        ElectricityMapsException e = catchThrowableOfType(ElectricityMapsException.class,
                () -> client(FakeElectricityMaps.KEY).latest("DE"));

        assertThat(e.getMessage()).contains("***").doesNotContain(FakeElectricityMaps.KEY);
    }

    @Test
    void theKeyIsNotInTheClientsToString() {
        assertThat(client(FakeElectricityMaps.KEY).toString())
                .contains(api.baseUrl().toString()).doesNotContain(FakeElectricityMaps.KEY);
    }
}
