package dev.outpost.stack.doctor;

import dev.outpost.stack.inference.InvalidOllamaHostException;
import dev.outpost.stack.inference.OllamaHost;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.system.ProxyVariables;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Is an Ollama server answering where OLLAMA_HOST says it is? Asks {@code GET /api/version}. */
public final class OllamaApiCheck implements DiagnosticProbe {
    public static final String ID = "ollama-api";
    private static final String TITLE = "Ollama server";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int BODY_CHARS = 200;

    private static final PerOs START = new PerOs(
            "Start it with `ollama serve` (or `sudo systemctl start ollama` where it is installed as a service), "
                    + "or set OLLAMA_HOST to where it runs.",
            "Open the Ollama app or start it with `ollama serve`, or set OLLAMA_HOST to where it runs.",
            "Start Ollama from the Start menu or run `ollama serve`, or set OLLAMA_HOST to where it runs.");

    private final HostEnvironment env;
    private final Duration timeout;

    public OllamaApiCheck(HostEnvironment env) {
        this(env, DEFAULT_TIMEOUT);
    }

    OllamaApiCheck(HostEnvironment env, Duration timeout) {
        this.env = env;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Check run() throws InterruptedException {
        OllamaHost host;
        try {
            host = OllamaHost.fromEnvironment(env);
        } catch (InvalidOllamaHostException e) {
            return Check.of(ID, TITLE, CheckStatus.FAILED, e.getMessage(), Map.of(),
                    "Set OLLAMA_HOST to host:port, e.g. 127.0.0.1:11434, or unset it.");
        }
        // Userinfo in OLLAMA_HOST is unusual, but the address is printed, so mask it like a proxy URL.
        String address = ProxyVariables.redact(host.baseUri().toString());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("address", address);
        if (!host.scheme().equals("http") && !host.scheme().equals("https")) {
            return Check.of(ID, TITLE, CheckStatus.FAILED, "OLLAMA_HOST uses the scheme \"" + host.scheme()
                    + "\", which is not HTTP", facts, "Start OLLAMA_HOST with http:// or https://, or leave the scheme out.");
        }

        URI uri = host.endpoint("/api/version");
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build()) {
            response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return Check.of(ID, TITLE, CheckStatus.MISSING, "Nothing is answering at " + address, facts,
                    START.forOs(env.os()));
        } catch (HttpTimeoutException e) {
            // Connected, but no answer: something holds the port and is hung, or is not Ollama.
            return Check.of(ID, TITLE, CheckStatus.FAILED, "The server at " + address + " accepted the connection "
                    + "but did not answer within " + timeout.toSeconds() + " s", facts,
                    "Restart Ollama; if another program holds the port, set OLLAMA_HOST to where Ollama runs.");
        } catch (IOException e) {
            return Check.of(ID, TITLE, CheckStatus.FAILED, "Talking to " + address + " failed: " + e,
                    facts, "Restart Ollama, or set OLLAMA_HOST to where it runs.");
        }
        return fromResponse(response, address, facts);
    }

    private static Check fromResponse(HttpResponse<String> response, String address, Map<String, String> facts) {
        if (response.statusCode() != 200) {
            return Check.of(ID, TITLE, CheckStatus.FAILED, "GET /api/version at " + address + " answered HTTP "
                    + response.statusCode() + errorDetail(response.body()), facts,
                    "Check the Ollama server's log; if another program holds the port, set OLLAMA_HOST to where Ollama runs.");
        }
        String version = version(response.body());
        if (version == null) {
            return Check.of(ID, TITLE, CheckStatus.FAILED, "The server at " + address
                            + " does not answer like Ollama: " + excerpt(response.body()), facts,
                    "Another program may hold the port; set OLLAMA_HOST to where Ollama runs.");
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("version", version);
        all.putAll(facts);
        return Check.ok(ID, TITLE, "Ollama " + version + " at " + address, all);
    }

    private static String version(String body) {
        try {
            JsonNode v = JSON.readTree(body).path("version");
            return v.isString() && !v.asString().isBlank() ? v.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Ollama sends {@code {"error": "..."}} with its error statuses. */
    private static String errorDetail(String body) {
        try {
            JsonNode e = JSON.readTree(body).path("error");
            if (e.isString()) {
                return ": " + excerpt(e.asString());
            }
        } catch (JacksonException ignored) {
            // not JSON: fall through to the raw body
        }
        return body == null || body.isBlank() ? "" : ": " + excerpt(body);
    }

    private static String excerpt(String s) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            return "(empty body)";
        }
        return t.length() <= BODY_CHARS ? t : t.substring(0, BODY_CHARS) + "…";
    }
}
