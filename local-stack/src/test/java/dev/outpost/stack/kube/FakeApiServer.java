package dev.outpost.stack.kube;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fabric8's CRUD mock API server, plus the two things its CRUD mode lacks and these tests need.
 *
 * <ul>
 *   <li>Server-side apply. The mock answers an apply-patch with 404 when the object is missing and 415
 *   when it exists. Here an apply creates a missing object (as a POST would) and replaces an existing
 *   one's content, keeping its status (as a PUT would); the mock then bumps resourceVersion and
 *   generation only when the content changed, as a real server does for a no-op apply. What this does
 *   not model: managedFields, field ownership and conflicts, removal of fields another manager owns.
 *   Every apply request is recorded so tests check what went on the wire.</li>
 *   <li>Pod logs. The CRUD mode answers {@code /log} with an unrelated object list; here it answers with
 *   the text a test set for the pod, whatever the query (tail, previous, follow).</li>
 * </ul>
 */
public final class FakeApiServer extends KubernetesCrudDispatcher implements AutoCloseable {
    static final String APPLY_PATCH = "application/apply-patch+yaml";

    /** One server-side apply request as the server received it. */
    public record ApplyRequest(String path, String contentType, String body) {
    }

    private final KubernetesMockServer server;
    private final Map<String, String> logs = new ConcurrentHashMap<>();
    private final List<ApplyRequest> applies = new CopyOnWriteArrayList<>();

    public FakeApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), this, false);
        server.init();
    }

    public NamespacedKubernetesClient client() {
        return server.createClient();
    }

    public String url() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    public List<ApplyRequest> applies() {
        return List.copyOf(applies);
    }

    public void clearApplies() {
        applies.clear();
    }

    public void log(String namespace, String pod, String text) {
        logs.put(namespace + "/" + pod, text);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if ("GET".equals(request.getMethod()) && bare.matches("/api/v1/namespaces/[^/]+/pods/[^/]+/log")) {
            String[] parts = bare.split("/");
            String text = logs.get(parts[4] + "/" + parts[6]);
            return text == null ? new MockResponse().setResponseCode(404)
                    : new MockResponse().setResponseCode(200).setBody(text);
        }
        return super.dispatch(request);
    }

    /**
     * The mock's watch listener, when a client closes the watch, waits on the mock's event loop for up to a
     * minute for sends that need that same loop; every request on that loop stalls meanwhile. Its close runs on
     * a thread of its own here, so a client that closes an informer does not freeze the API server.
     */
    @Override
    public MockResponse handleWatch(String path) {
        MockResponse response = super.handleWatch(path);
        io.fabric8.mockwebserver.http.WebSocketListener inner = response.getWebSocketListener();
        if (inner == null) {
            return response;
        }
        return response.withWebSocketUpgrade(new io.fabric8.mockwebserver.http.WebSocketListener() {
            @Override
            public void onBeforeAccept(io.fabric8.mockwebserver.http.WebSocket ws, io.fabric8.mockwebserver.http.Response r) {
                inner.onBeforeAccept(ws, r);
            }

            @Override
            public void onOpen(io.fabric8.mockwebserver.http.WebSocket ws, io.fabric8.mockwebserver.http.Response r) {
                inner.onOpen(ws, r);
            }

            @Override
            public void onMessage(io.fabric8.mockwebserver.http.WebSocket ws, String text) {
                inner.onMessage(ws, text);
            }

            @Override
            public void onClosing(io.fabric8.mockwebserver.http.WebSocket ws, int code, String reason) {
                Thread.ofVirtual().name("fake-api-watch-closing").start(() -> inner.onClosing(ws, code, reason));
            }

            @Override
            public void onClosed(io.fabric8.mockwebserver.http.WebSocket ws, int code, String reason) {
                Thread.ofVirtual().name("fake-api-watch-closed").start(() -> inner.onClosed(ws, code, reason));
            }

            @Override
            public void onFailure(io.fabric8.mockwebserver.http.WebSocket ws, Throwable t, io.fabric8.mockwebserver.http.Response r) {
                Thread.ofVirtual().name("fake-api-watch-failed").start(() -> inner.onFailure(ws, t, r));
            }
        });
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith(APPLY_PATCH)) {
            return super.handlePatch(request);
        }
        String body = request.getUtf8Body();
        applies.add(new ApplyRequest(request.getPath(), contentType, body));
        String path = request.getPath();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        JsonNode intent = read(body);
        MockResponse current = handleGet(bare);
        if (current.code() == 404) {
            String collection = bare.substring(0, bare.lastIndexOf('/'));
            MockResponse created = handleCreate(request(HttpMethod.POST, collection, Serialization.asJson(intent)));
            return created.code() == 201 ? created.setResponseCode(200) : created;
        }
        JsonNode stored = read(current.getBody().readUtf8());
        if (stored.has("status") && intent instanceof ObjectNode o) {
            o.set("status", stored.get("status"));
        }
        return handleUpdate(request(HttpMethod.PUT, bare, Serialization.asJson(intent)));
    }

    private static JsonNode read(String text) {
        String t = text.strip();
        return t.startsWith("{") ? Serialization.jsonMapper().readTree(t) : Serialization.yamlMapper().readTree(t);
    }

    private static RecordedRequest request(HttpMethod method, String path, String json) {
        Headers headers = Headers.builder().add("Content-Type", "application/json").build();
        return new RecordedRequest("HTTP/1.1", method, path, headers,
                new Buffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            // The mock can deadlock its own event loop closing a watch (WatchEventsListener.onClosed waits up
            // to a minute for a task that needs that loop); the server is gone for the next test regardless.
            if (!String.valueOf(e.getMessage()).contains("Unable to close MockWebServer")) {
                throw e;
            }
        }
    }
}
