package dev.outpost.stack.docker;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A stand-in for an engine on a real socket (unix, tcp or TLS): answers GET requests from a table of
 * canned JSON, or, when silent, accepts connections and never replies. One request per connection.
 */
public final class FakeEngine implements AutoCloseable {
    public record Reply(int status, String body) {
        /** Never answers this request: a sick engine that still answers pings. */
        public static final Reply HANG = new Reply(0, "");
    }

    private static final Pattern API_PREFIX = Pattern.compile("^/v\\d+\\.\\d+");

    /** One accepted connection's streams. */
    private record Connection(InputStream in, OutputStream out, Closeable handle) {
    }

    private interface Listener extends Closeable {
        Connection accept() throws IOException;

        String tcpAddress() throws IOException;
    }

    private final Listener server;
    private final Map<String, Reply> replies;
    private final boolean silent;
    private final List<Closeable> held = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    private FakeEngine(Listener server, Map<String, Reply> replies, boolean silent) {
        this.server = server;
        this.replies = Map.copyOf(replies);
        this.silent = silent;
        Thread.ofVirtual().name("fake-engine").start(this::serve);
    }

    public static FakeEngine onUnixSocket(Path socket, Map<String, Reply> replies) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(socket));
        return new FakeEngine(channel(ch), replies, false);
    }

    public static FakeEngine onTcp(Map<String, Reply> replies) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new FakeEngine(channel(ch), replies, false);
    }

    /** HTTPS on loopback with the given server identity; with {@code needClientAuth} it insists on a client certificate. */
    public static FakeEngine onTls(SSLContext context, boolean needClientAuth, Map<String, Reply> replies)
            throws IOException {
        SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        s.setNeedClientAuth(needClientAuth);
        return new FakeEngine(socket(s), replies, false);
    }

    /** Accepts and never answers: an engine that is wedged. */
    public static FakeEngine silentOnUnixSocket(Path socket) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(socket));
        return new FakeEngine(channel(ch), Map.of(), true);
    }

    private static Listener channel(ServerSocketChannel ch) {
        return new Listener() {
            @Override
            public Connection accept() throws IOException {
                SocketChannel c = ch.accept();
                return new Connection(Channels.newInputStream(c), Channels.newOutputStream(c), c);
            }

            @Override
            public String tcpAddress() throws IOException {
                return FakeEngine.tcpAddress((InetSocketAddress) ch.getLocalAddress());
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    private static Listener socket(ServerSocket s) {
        return new Listener() {
            @Override
            public Connection accept() throws IOException {
                Socket c = s.accept();
                return new Connection(c.getInputStream(), c.getOutputStream(), c);
            }

            @Override
            public String tcpAddress() {
                return FakeEngine.tcpAddress((InetSocketAddress) s.getLocalSocketAddress());
            }

            @Override
            public void close() throws IOException {
                s.close();
            }
        };
    }

    private static String tcpAddress(InetSocketAddress a) {
        return "tcp://" + a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** A Docker Engine on Linux whose data lives in {@code rootDir}. */
    public static Map<String, Reply> docker(String version, String rootDir) {
        return Map.of(
                "/_ping", new Reply(200, "OK"),
                "/version", new Reply(200, """
                        {"Platform":{"Name":"Docker Engine - Community"},
                         "Components":[{"Name":"Engine","Version":"%s","Details":{"ApiVersion":"1.43"}}],
                         "Version":"%s","ApiVersion":"1.43","MinAPIVersion":"1.12","Os":"linux","Arch":"amd64",
                         "KernelVersion":"6.5.0"}""".formatted(version, version)),
                "/info", new Reply(200, """
                        {"Containers":5,"ContainersRunning":2,"ContainersStopped":3,"Images":7,"Driver":"overlay2",
                         "DockerRootDir":%s,"CgroupDriver":"systemd","CgroupVersion":"2",
                         "OperatingSystem":"Ubuntu 22.04.3 LTS","OSType":"linux","Architecture":"x86_64",
                         "ServerVersion":"%s","Name":"workstation"}""".formatted(json(rootDir), version)));
    }

    /** Podman 4's Docker-compatible service, as it answers /version and /info. */
    public static Map<String, Reply> podman(String version, String rootDir) {
        return Map.of(
                "/_ping", new Reply(200, "OK"),
                "/version", new Reply(200, """
                        {"Platform":{"Name":"linux/amd64/debian-12"},
                         "Components":[{"Name":"Podman Engine","Version":"%s","Details":{"APIVersion":"%s"}},
                                       {"Name":"Conmon","Version":"conmon version 2.1.6"}],
                         "Version":"%s","ApiVersion":"1.41","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64"}"""
                        .formatted(version, version, version)),
                "/info", new Reply(200, """
                        {"Containers":1,"ContainersRunning":0,"Images":3,"Driver":"overlay",
                         "DockerRootDir":%s,"CgroupDriver":"systemd","CgroupVersion":"2",
                         "OperatingSystem":"debian","OSType":"linux","Architecture":"amd64",
                         "ServerVersion":"%s","Name":"workstation"}""".formatted(json(rootDir), version)));
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** For tcp and TLS engines: {@code tcp://127.0.0.1:PORT}. */
    public String tcpAddress() throws IOException {
        return server.tcpAddress();
    }

    /** How many requests reached a path (API version prefix removed). */
    public int hits(String path) {
        return hits.getOrDefault(path, 0);
    }

    private void serve() {
        while (open) {
            try {
                Connection c = server.accept();
                if (silent) {
                    held.add(c.handle());
                } else {
                    Thread.ofVirtual().name("fake-engine-conn").start(() -> answer(c));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Connection c) {
        try {
            String path = API_PREFIX.matcher(requestPath(readHead(c.in()))).replaceFirst("");
            hits.merge(path, 1, Integer::sum);
            Reply reply = replies.getOrDefault(path, new Reply(404, "{\"message\":\"page not found\"}"));
            if (reply == Reply.HANG) {
                held.add(c.handle());
                return;
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + reply.status() + " X\r\nContent-Type: application/json\r\n"
                    + "Api-Version: 1.43\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            c.out().write(head.getBytes(StandardCharsets.US_ASCII));
            c.out().write(body);
            c.out().flush();
            c.handle().close();
        } catch (IOException e) {
            // the client went away or failed the handshake; nothing to answer
            closeQuietly(c.handle());
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String requestPath(String head) {
        String[] requestLine = head.split("\r\n", 2)[0].split(" ");
        String target = requestLine.length > 1 ? requestLine[1] : "/";
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        for (Closeable c : held) {
            c.close();
        }
    }
}
