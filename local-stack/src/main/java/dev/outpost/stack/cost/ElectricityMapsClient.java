package dev.outpost.stack.cost;

import dev.outpost.stack.cost.ElectricityMapsException.Reason;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Electricity Maps API v3, {@code GET /v3/carbon-intensity/latest?zone=ZONE} with header {@code auth-token},
 * as documented at https://static.electricitymap.org/api/docs/ and portal.electricitymaps.com/docs.
 * Redirects are not followed, so the key is only ever sent to the configured host.
 */
public final class ElectricityMapsClient {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.electricitymap.org");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Zone keys are letters, digits and dashes ("DE", "US-CAL-CISO"); anything else is refused before sending. */
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    private static final String MASK = "***";

    private final String base;
    private final String apiKey;
    private final Duration requestTimeout;
    private final HttpClient http;

    /** The public API with the default timeouts and the JVM's proxy settings. */
    public ElectricityMapsClient(String apiKey) {
        this(DEFAULT_BASE_URL, apiKey, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, ProxySelector.getDefault());
    }

    /**
     * @param proxy how to reach the API; {@link ProxySelector#getDefault()} honours {@code https.proxyHost} and
     *              friends, null connects directly
     */
    public ElectricityMapsClient(URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout,
                                 ProxySelector proxy) {
        String b = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("the Electricity Maps API key is blank");
        }
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxy != null) {
            builder.proxy(proxy);
        }
        this.http = builder.build();
    }

    /** The current intensity for a zone. */
    public LiveIntensity latest(String zone) {
        if (zone == null || !ZONE.matcher(zone.trim()).matches()) {
            throw new ElectricityMapsException(Reason.UNKNOWN_ZONE,
                    "'" + zone + "' is not an Electricity Maps zone key (e.g. DE, US-CAL-CISO)", -1, null);
        }
        String key = zone.trim().toUpperCase(java.util.Locale.ROOT);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v3/carbon-intensity/latest?zone="
                        + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .timeout(requestTimeout)
                .header("auth-token", apiKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request, key);
        if (response.statusCode() != 200) {
            throw failure(response, key);
        }
        return parse(response.body(), key);
    }

    private HttpResponse<String> send(HttpRequest request, String zone) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ElectricityMapsException(Reason.UNAVAILABLE, "Electricity Maps at " + base
                    + " did not answer for zone " + zone + " in time", -1, e);
        } catch (IOException e) {
            throw new ElectricityMapsException(Reason.UNAVAILABLE, "could not reach Electricity Maps at " + base
                    + " for zone " + zone + ": " + scrub(String.valueOf(e.getMessage())), -1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElectricityMapsException(Reason.UNAVAILABLE, "interrupted while asking Electricity Maps for zone "
                    + zone, -1, e);
        }
    }

    private ElectricityMapsException failure(HttpResponse<String> response, String zone) {
        int status = response.statusCode();
        String detail = serverText(response.body());
        Reason reason = switch (status) {
            case 401, 403 -> Reason.UNAUTHORIZED;
            // The docs do not say how an unknown zone is answered; 400 and 404 are the statuses that can mean it.
            case 400, 404 -> Reason.UNKNOWN_ZONE;
            case 429 -> Reason.RATE_LIMITED;
            default -> status >= 500 ? Reason.UNAVAILABLE : Reason.BAD_RESPONSE;
        };
        String what = switch (reason) {
            case UNAUTHORIZED -> "Electricity Maps refused the API key for zone " + zone;
            case UNKNOWN_ZONE -> "Electricity Maps has no zone " + zone;
            case RATE_LIMITED -> "Electricity Maps rate limit reached asking for zone " + zone;
            default -> "Electricity Maps answered for zone " + zone + " with an error";
        };
        return new ElectricityMapsException(reason, what + " (HTTP " + status + ")" + detail, status, null);
    }

    private LiveIntensity parse(String body, String zone) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw badResponse(zone, "the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw badResponse(zone, "the body is not a JSON object");
        }
        JsonNode intensity = root.get("carbonIntensity");
        if (intensity == null) {
            throw badResponse(zone, "carbonIntensity is missing");
        }
        if (intensity.isNull()) {
            // The API's way of saying it has no figure for this hour: a gap, not a malformed answer.
            throw new ElectricityMapsException(Reason.UNAVAILABLE,
                    "Electricity Maps has no current carbon intensity for zone " + zone, 200, null);
        }
        if (!intensity.isNumber() || intensity.asDouble() < 0) {
            throw badResponse(zone, "carbonIntensity is not a non-negative number");
        }
        try {
            return new LiveIntensity(
                    text(root, "zone") != null ? text(root, "zone") : zone,
                    intensity.asDouble(),
                    instant(root, "datetime", zone),
                    root.has("updatedAt") && !root.get("updatedAt").isNull() ? instant(root, "updatedAt", zone) : null,
                    text(root, "emissionFactorType"),
                    root.path("isEstimated").asBoolean(false),
                    text(root, "estimationMethod"));
        } catch (DateTimeParseException e) {
            throw badResponse(zone, "a timestamp is not ISO-8601");
        }
    }

    private Instant instant(JsonNode root, String field, String zone) {
        String value = text(root, field);
        if (value == null) {
            throw badResponse(zone, field + " is missing");
        }
        return Instant.parse(value);
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    private ElectricityMapsException badResponse(String zone, String why) {
        return new ElectricityMapsException(Reason.BAD_RESPONSE,
                "Electricity Maps sent an unexpected answer for zone " + zone + ": " + why, 200, null);
    }

    /** The API's {@code {"error": ..., "message": ...}} text, masked and shortened, for the exception message. */
    private String serverText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode root = JSON.readTree(body);
            String error = root == null ? null : text(root, "error");
            String message = root == null ? null : text(root, "message");
            String joined = error == null ? message : message == null ? error : error + ": " + message;
            return joined == null ? "" : ": " + excerpt(scrub(joined));
        } catch (JacksonException e) {
            return ": " + excerpt(scrub(body));
        }
    }

    /** Servers and proxies sometimes echo request headers; the key must not reach a log through them. */
    private String scrub(String text) {
        return text.replace(apiKey, MASK);
    }

    private static String excerpt(String s) {
        String oneLine = s.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    @Override
    public String toString() {
        return "ElectricityMapsClient[" + base + "]";
    }
}
