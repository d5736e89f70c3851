package dev.outpost.stack.inference.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One local endpoint that speaks both the Ollama API and the OpenAI-compatible API and forwards every
 * request to the active route, local Ollama or a remote GPU target, streaming the answer back as it comes.
 * Point Ollama clients at {@link #url()} (OLLAMA_HOST) and OpenAI clients at {@code url() + "/v1"}.
 *
 * <p>Listens on 127.0.0.1 only: it adds the remote target's credentials to what it forwards, so anything
 * that can reach it can use them. Each request runs on its own virtual thread.
 *
 * <pre>{@code
 * InferenceGateway gw = InferenceGateway.builder(Route.localOllama(host))
 *         .remote(Route.remote(target, AuthHeaders.bearer(tokens::idToken)))
 *         .allowFallback(true).listener(statusBar).start(savedPort);
 * gw.use(Target.REMOTE);                     // the next request goes remote
 * gw.useAuto(model -> placement.choose(model));
 * }</pre>
 */
public final class InferenceGateway implements AutoCloseable {
    /** Enough queued connections for a burst of parallel clients (agents fan out dozens at once). */
    private static final int BACKLOG = 256;

    static {
        // The JDK server leaves Nagle on unless told otherwise; with it, a token written right after the
        // previous one can wait for that one's ACK. Read once per JVM, when the first HttpServer starts;
        // a caller that set it either way keeps its choice.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Router router;
    private final Upstream upstream;
    private final AtomicBoolean fallback;
    private final URI url;

    private InferenceGateway(Builder b, HttpServer server) {
        this.server = server;
        this.router = new Router(b.local, b.remote, b.mode);
        this.upstream = new Upstream(b.connectTimeout);
        this.fallback = new AtomicBoolean(b.allowFallback);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        server.createContext("/", new GatewayHandler(router, upstream, b.listener, fallback::get));
        server.setExecutor(executor);
        server.start();
    }

    public static Builder builder(Route local) {
        return new Builder(local);
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public URI url() {
        return url;
    }

    public int port() {
        return url.getPort();
    }

    /** Sends every request from now on to {@code target}; requests already being answered are not moved. */
    public void use(Target target) {
        router.mode(new RoutingMode.Fixed(target));
    }

    /** Lets {@code placement} choose per request (by model) from now on, and say why. */
    public void useAuto(Placement placement) {
        router.mode(new RoutingMode.Auto(placement));
    }

    public RoutingMode mode() {
        return router.mode();
    }

    /** When allowed, a request whose route cannot answer (unreachable, 5xx) is sent to the other route. */
    public void allowFallback(boolean allowed) {
        fallback.set(allowed);
    }

    public boolean fallbackAllowed() {
        return fallback.get();
    }

    public Optional<Route> route(Target target) {
        return Optional.ofNullable(router.route(target));
    }

    /** Replaces a route (another remote target, a refreshed local address) for the next requests. */
    public void route(Target target, Route route) {
        router.route(target, route);
    }

    /** Stops listening and cuts the answers still streaming. */
    @Override
    public void close() {
        server.stop(0);
        upstream.close();
        executor.shutdownNow();
    }

    public static final class Builder {
        private final Route local;
        private Route remote;
        private GatewayListener listener = GatewayListener.NONE;
        private boolean allowFallback;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private RoutingMode mode = new RoutingMode.Fixed(Target.LOCAL);

        private Builder(Route local) {
            this.local = Objects.requireNonNull(local, "local route");
        }

        public Builder remote(Route remote) {
            this.remote = remote;
            return this;
        }

        public Builder listener(GatewayListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Default false: a failed route answers 502 rather than moving work somewhere the user did not pick. */
        public Builder allowFallback(boolean allow) {
            this.allowFallback = allow;
            return this;
        }

        /** How long to try connecting to a route before counting it unreachable; default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The toggle's position at start; default {@code use(LOCAL)}. */
        public Builder mode(RoutingMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Listens on 127.0.0.1:{@code preferredPort}; the caller keeps the port so clients configured with it
         * keep working across restarts. 0 lets the system choose.
         *
         * @throws GatewayPortInUseException when the port is taken
         */
        public InferenceGateway start(int preferredPort) throws IOException {
            if (preferredPort < 0 || preferredPort > 65535) {
                throw new IllegalArgumentException("port out of range: " + preferredPort);
            }
            if (mode instanceof RoutingMode.Fixed(Target t) && t == Target.REMOTE && remote == null) {
                throw new IllegalStateException("use(REMOTE) at start, but no remote route is configured");
            }
            return new InferenceGateway(this, bind(preferredPort));
        }

        /** Like {@link #start}, but a taken port gives a free one instead; compare {@link #port()} to tell. */
        public InferenceGateway startOrEphemeral(int preferredPort) throws IOException {
            try {
                return start(preferredPort);
            } catch (GatewayPortInUseException taken) {
                return start(0);
            }
        }

        private static HttpServer bind(int port) throws IOException {
            try {
                return HttpServer.create(new InetSocketAddress(loopback(), port), BACKLOG);
            } catch (BindException e) {
                throw new GatewayPortInUseException(port, e);
            }
        }

        /** 127.0.0.1 itself: getLoopbackAddress() gives ::1 when IPv6 is preferred, and clients dial 127.0.0.1. */
        private static InetAddress loopback() throws UnknownHostException {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        }
    }
}
