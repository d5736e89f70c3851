package dev.outpost.stack.docker.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of the registry that plays a bad network for downloads. Once limited, each connection
 * passes the first {@code allowance} bytes of replies at full speed (enough for manifests and configs), then
 * either nothing ({@link #hold}) or a trickle ({@link #trickle}). It tells when the engine closes a
 * connection that reached its allowance: the engine giving up a download.
 */
final class GatedRelay implements AutoCloseable {
    /** What happens past the allowance: {@code trickleBytes == 0} holds until the gate opens. */
    private record Limit(long allowance, int trickleBytes, Duration tick, CompletableFuture<Void> gate) {
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Limit limit;
    private volatile CompletableFuture<Void> reachedLimit = new CompletableFuture<>();
    private volatile CompletableFuture<Void> limitedClosedByEngine = new CompletableFuture<>();

    GatedRelay(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("gated-relay").start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Past {@code allowance} bytes of reply, a connection passes nothing until {@link #release()}. */
    void hold(long allowance) {
        limit(new Limit(allowance, 0, Duration.ZERO, new CompletableFuture<>()));
    }

    /** Past {@code allowance} bytes of reply, a connection passes {@code bytes} per {@code tick}. */
    void trickle(long allowance, int bytes, Duration tick) {
        limit(new Limit(allowance, bytes, tick, new CompletableFuture<>()));
    }

    private void limit(Limit l) {
        reachedLimit = new CompletableFuture<>();
        limitedClosedByEngine = new CompletableFuture<>();
        limit = l;
    }

    /** Full speed again, for held connections too. */
    void release() {
        Limit l = limit;
        limit = null;
        if (l != null) {
            l.gate().complete(null);
        }
    }

    /** Whether some connection got to its allowance within {@code d}. */
    boolean awaitLimitReached(Duration d) throws Exception {
        return await(reachedLimit, d);
    }

    /** Whether, within {@code d}, the engine closed a connection that had reached its allowance. */
    boolean awaitEngineClosedLimitedConnection(Duration d) throws Exception {
        return await(limitedClosedByEngine, d);
    }

    private static boolean await(CompletableFuture<Void> f, Duration d) throws Exception {
        try {
            f.get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                AtomicBoolean limited = new AtomicBoolean();
                Thread.ofVirtual().start(() -> {
                    forward(client, upstream);
                    // The engine's side ended.
                    if (limited.get()) {
                        limitedClosedByEngine.complete(null);
                    }
                    closeQuietly(upstream);
                });
                Thread.ofVirtual().start(() -> {
                    forwardLimited(upstream, client, limited);
                    closeQuietly(client);
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void forward(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            shutdownOutput(to);
        }
    }

    private void forwardLimited(Socket from, Socket to, AtomicBoolean limited) {
        byte[] buf = new byte[16 * 1024];
        long sent = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                int off = 0;
                while (off < n) {
                    Limit l = limit;
                    int part;
                    if (l == null || sent < l.allowance()) {
                        part = l == null ? n - off : (int) Math.min(n - off, l.allowance() - sent);
                    } else {
                        limited.set(true);
                        reachedLimit.complete(null);
                        if (l.trickleBytes() == 0) {
                            l.gate().join();
                            continue;
                        }
                        part = Math.min(n - off, l.trickleBytes());
                        // The pace of a slow link: the relay waits, the test does not.
                        CompletableFuture.runAsync(() -> { },
                                CompletableFuture.delayedExecutor(l.tick().toMillis(), TimeUnit.MILLISECONDS)).join();
                    }
                    out.write(buf, off, part);
                    out.flush();
                    off += part;
                    sent += part;
                }
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            shutdownOutput(to);
        }
    }

    private static void shutdownOutput(Socket s) {
        try {
            s.shutdownOutput();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
