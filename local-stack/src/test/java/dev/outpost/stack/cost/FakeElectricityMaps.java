package dev.outpost.stack.cost;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for {@code GET /v3/carbon-intensity/latest}, built from Electricity Maps' documentation:
 * the key arrives in the {@code auth-token} header, a wrong key gets the 401 body from their help centre
 * ("API authentication errors"), a known zone gets the documented JSON. How the real API answers an unknown
 * zone is not documented; this double says 404 with an {@code error} field, which is an assumption.
 */
final class FakeElectricityMaps implements AutoCloseable {
    static final String KEY = "em-test-key-5f2b9c";

    private final HttpServer server;
    private final Map<String, Integer> intensities = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int forcedStatus;
    private volatile String forcedBody;
    private volatile boolean hang;

    FakeElectricityMaps() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v3/carbon-intensity/latest", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeElectricityMaps zone(String zone, int gramsPerKwh) {
        intensities.put(zone, gramsPerKwh);
        return this;
    }

    /** Every request gets this answer, whatever the key or zone. */
    void answerAlways(int status, String body) {
        forcedStatus = status;
        forcedBody = body;
    }

    /** Requests wait until {@link #close()}, so a client's timeout is what ends them. */
    void hang() {
        hang = true;
    }

    int hits() {
        return hits.get();
    }

    List<String> queries() {
        return queries;
    }

    private void handle(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        queries.add(exchange.getRequestURI().getRawQuery());
        if (hang) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (forcedBody != null) {
            respond(exchange, forcedStatus, forcedBody);
            return;
        }
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("auth-token"))) {
            respond(exchange, 401, """
                    {"error": "Invalid auth-token", "message": "The provided token is invalid. If this token used \
                    to work, please visit https://help.electricitymaps.com to get support"}""");
            return;
        }
        String zone = zoneParameter(exchange.getRequestURI().getRawQuery());
        Integer value = zone == null ? null : intensities.get(zone);
        if (value == null) {
            respond(exchange, 404, "{\"error\": \"Zone '" + zone + "' does not exist.\"}");
            return;
        }
        respond(exchange, 200, """
                {
                  "zone": "%s",
                  "carbonIntensity": %d,
                  "datetime": "2025-03-29T18:00:00.000Z",
                  "updatedAt": "2025-03-29T16:45:44.917Z",
                  "createdAt": "2025-03-26T18:42:35.805Z",
                  "emissionFactorType": "lifecycle",
                  "isEstimated": true,
                  "estimationMethod": "TIME_SLICER_AVERAGE"
                }""".formatted(zone, value));
    }

    private static String zoneParameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("zone=")) {
                return java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
