package dev.outpost.stack.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.outpost.stack.inference.TargetAccessException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real HTTPS server whose certificate (SAN dns:localhost only) is signed by a throwaway CA made with the
 * JDK's keytool: refused on system trust, accepted with the CA file, and still refused under another name.
 */
class TargetTlsTest {
    private static final String PASS = "changeit";

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static Path caPem;

    @BeforeAll
    static void startServer() throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path srv = dir.resolve("server.p12");
        caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Outpost Test CA", "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-validity", "2", "-keystore", srv.toString());
        keytool("-certreq", "-alias", "server", "-keystore", srv.toString(), "-file", dir.resolve("server.csr").toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-infile",
                dir.resolve("server.csr").toString(), "-outfile", dir.resolve("server.pem").toString(),
                "-ext", "san=dns:localhost", "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", srv.toString(), "-file", caPem.toString());
        keytool("-importcert", "-alias", "server", "-keystore", srv.toString(), "-file",
                dir.resolve("server.pem").toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(srv)) {
            ks.load(in, PASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", ex -> {
            byte[] body = "Ollama is running".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Test setup only: the code under test runs no processes here. */
    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASS));
        if (List.of(args).contains("-exportcert") || List.of(args).contains("-certreq")) {
            cmd.subList(cmd.size() - 4, cmd.size() - 2).clear(); // these read the store: no -storetype needed
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], out).isZero();
    }

    private static String get(TargetTls tls, String host) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(tls.sslContext()).sslParameters(tls.sslParameters())
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("https://" + host + ":" + server.getAddress().getPort() + "/");
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void systemTrustRefusesTheTestCa() {
        assertThatThrownBy(() -> get(TargetTls.systemTrust(), "localhost")).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theCustomCaIsAcceptedOnTopOfSystemTrust() throws Exception {
        TargetTls tls = TargetTls.withCustomCa(caPem);

        assertThat(get(tls, "localhost")).isEqualTo("Ollama is running");
        assertThat(tls.customCa()).contains(caPem);
        // System CAs are still there, next to ours.
        assertThat(tls.sslContext()).isNotNull();
        assertThat(TargetTls.systemTrust().customCa()).isEmpty();
    }

    @Test
    void hostnameIsStillVerifiedWithTheCustomCa() {
        // The certificate names localhost only; the same server by IP must be refused.
        assertThatThrownBy(() -> get(TargetTls.withCustomCa(caPem), "127.0.0.1"))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(TargetTls.withCustomCa(caPem).sslParameters().getEndpointIdentificationAlgorithm())
                .isEqualTo("HTTPS");
    }

    @Test
    void aFileWithoutCertificatesIsABadCaFile() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");

        for (Path p : new Path[] {junk, dir.resolve("missing.pem")}) {
            assertThatThrownBy(() -> TargetTls.withCustomCa(p))
                    .isInstanceOfSatisfying(TargetAccessException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CA_FILE));
        }
    }
}
