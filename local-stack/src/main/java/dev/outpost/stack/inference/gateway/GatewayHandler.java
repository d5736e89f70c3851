package dev.outpost.stack.inference.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request, start to end: read it, let the router pick the route, open the upstream answer (falling
 * back to the other route if allowed when the first cannot answer), and relay it while it streams.
 *
 * <p>"Cannot answer" means before the first byte went to the client: unreachable, credentials not to be
 * had, or a 5xx status. After that the client has the beginning of one answer, and a second route's
 * answer cannot be spliced on, so a stream that breaks ends with an error line instead.
 */
final class GatewayHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);
    private static final int ERROR_BODY_LIMIT = 16 * 1024;

    private final Router router;
    private final Upstream upstream;
    private final GatewayListener listener;
    private final BooleanSupplier fallbackAllowed;
    private final AtomicLong ids = new AtomicLong();

    GatewayHandler(Router router, Upstream upstream, GatewayListener listener, BooleanSupplier fallbackAllowed) {
        this.router = router;
        this.upstream = upstream;
        this.listener = new SafeListener(listener);
        this.fallbackAllowed = fallbackAllowed;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        long id = ids.incrementAndGet();
        boolean abort = false;
        try {
            IncomingRequest in = IncomingRequest.read(exchange);
            ClientStream client = new ClientStream(exchange, in.dialect(), start);
            if (in.path().equals("/")) {
                // Ollama's health probe; the gateway answers it itself, whatever the routes are doing
                client.text(200, "Ollama is running");
            } else {
                abort = serve(id, in, client);
            }
        } catch (ClientGoneException e) {
            LOG.debug("request {}: the client went away", id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort = true;
        } finally {
            if (!abort) {
                exchange.close();
            }
        }
        if (abort) {
            // Leaving the exchange unclosed makes the server drop the connection without the final chunk,
            // so the client sees a truncated answer instead of a complete-looking short one.
            throw new IOException("request " + id + ": answer broke off, connection dropped");
        }
    }

    /** @return true when the connection must be dropped rather than closed cleanly */
    private boolean serve(long id, IncomingRequest in, ClientStream client)
            throws ClientGoneException, InterruptedException {
        String model = in.model();
        Router.Decision decision;
        try {
            decision = router.decide(model);
        } catch (RuntimeException e) {
            String message = "the gateway could not choose a route: " + e.getMessage();
            client.error(500, message);
            listener.failed(new RequestFailed(id, in.method(), in.path(), model, null, null, false, message));
            return false;
        }

        Target target = decision.target();
        Route route = decision.route();
        String reason = decision.reason();
        boolean fellBack = false;
        Attempt attempt = attempt(in, target, route, client);
        if (attempt.failure() != null && fallbackAllowed.getAsBoolean() && decision.alternate() != null) {
            String first = client.scrub(attempt.failure());
            listener.fellBack(new Fallback(id, model, target, nameOf(route), target.other(),
                    decision.alternate().name(), first));
            LOG.info("request {}: {}; falling back to route '{}'", id, first, decision.alternate().name());
            target = target.other();
            route = decision.alternate();
            reason = "fallback: " + first;
            fellBack = true;
            Attempt second = attempt(in, target, route, client);
            attempt = second.failure() == null ? second
                    : Attempt.failed(first + "; fallback to route '" + route.name() + "' failed too: " + second.failure());
        }
        if (attempt.failure() != null) {
            String message = client.scrub(attempt.failure());
            LOG.info("request {} {} {}: {}", id, in.method(), in.path(), message);
            client.error(502, message);
            listener.failed(new RequestFailed(id, in.method(), in.path(), model, target, nameOf(route), false, message));
            return false;
        }

        Target servedBy = target;
        String routeName = route.name();
        String why = reason;
        boolean viaFallback = fellBack;
        client.onFirstByte(() -> listener.routed(new RequestRouted(id, in.method(), in.path(), model, servedBy, routeName,
                why, viaFallback, client.status(), Duration.ofNanos(client.timeToFirstByteNanos()))));
        Relay.Outcome outcome;
        if (attempt.answer() != null) {
            client.answer(attempt.answer().status(), attempt.answer().contentType(), attempt.answer().body());
            outcome = Relay.Outcome.COMPLETE;
        } else {
            outcome = attempt.relay().relay(attempt.response(), client, routeName);
        }
        listener.completed(new RequestCompleted(id, servedBy, routeName, client.status(), outcome.complete(),
                client.bytes(), Duration.ofNanos(System.nanoTime() - client.startNanos())));
        if (!outcome.complete()) {
            String message = client.scrub(outcome.failure());
            LOG.info("request {} {} {}: {}", id, in.method(), in.path(), message);
            listener.failed(new RequestFailed(id, in.method(), in.path(), model, servedBy, routeName,
                    client.status() < 400, message));
        }
        return outcome.abort();
    }

    /** Plans the request for the route and opens the upstream answer, up to its status and headers. */
    private Attempt attempt(IncomingRequest in, Target target, Route route, ClientStream client)
            throws InterruptedException {
        if (route == null) {
            return Attempt.failed("no " + target.name().toLowerCase(java.util.Locale.ROOT) + " route is configured");
        }
        Plan plan = Planner.plan(in, route);
        if (plan instanceof Plan.Answer answer) {
            return new Attempt(answer, null, null, null);
        }
        Plan.Forward forward = (Plan.Forward) plan;
        Map<String, String> headers;
        try {
            headers = route.headers();
        } catch (IOException | RuntimeException e) {
            return Attempt.failed("could not get the credentials for route '" + route.name() + "': " + e.getMessage());
        }
        client.secrets(headers.values());
        HttpResponse<InputStream> response;
        try {
            response = upstream.send(route, forward.request(), headers);
        } catch (UpstreamException e) {
            return Attempt.failed(e.getMessage());
        }
        if (response.statusCode() >= 500) {
            byte[] body;
            try (InputStream in2 = response.body()) {
                body = in2.readNBytes(ERROR_BODY_LIMIT);
            } catch (IOException e) {
                body = new byte[0];
            }
            String detail = ErrorBodies.messageOf(body);
            return Attempt.failed("route '" + route.name() + "' answered " + response.statusCode()
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        return new Attempt(null, response, forward.relay(), null);
    }

    private static String nameOf(Route route) {
        return route == null ? null : route.name();
    }

    /** One route's try: an answer made here, an opened upstream response with its relay, or why it failed. */
    private record Attempt(Plan.Answer answer, HttpResponse<InputStream> response, Relay relay, String failure) {
        static Attempt failed(String failure) {
            return new Attempt(null, null, null, failure);
        }
    }
}
