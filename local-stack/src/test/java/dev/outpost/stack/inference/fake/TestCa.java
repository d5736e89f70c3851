package dev.outpost.stack.inference.fake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority and a server certificate it signed for {@code 127.0.0.1} and
 * {@code localhost}, made with the JDK's {@code keytool} ({@code -genkeypair}, {@code -certreq}, {@code -gencert})
 * because the JDK has no public API to sign certificates. Making one takes a few keytool runs (a second or two),
 * so {@link #shared()} makes it once per JVM.
 */
public final class TestCa {
    private static final String PASSWORD = "changeit";
    private static TestCa shared;

    private final Path dir;
    private final String caPem;
    private final Certificate caCertificate;
    private final PrivateKey serverKey;
    private final Certificate[] serverChain;

    private TestCa(Path dir, String caPem, Certificate caCertificate, PrivateKey serverKey, Certificate[] chain) {
        this.dir = dir;
        this.caPem = caPem;
        this.caCertificate = caCertificate;
        this.serverKey = serverKey;
        this.serverChain = chain;
    }

    /** One CA for the whole test run, in a temporary directory deleted at exit. */
    public static synchronized TestCa shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("outpost-test-ca");
                dir.toFile().deleteOnExit();
                shared = create(dir);
            } catch (IOException e) {
                throw new IllegalStateException("cannot make a temporary directory for the test CA", e);
            }
        }
        return shared;
    }

    /** A fresh CA whose files go into {@code dir}. */
    public static TestCa create(Path dir) {
        try {
            Files.createDirectories(dir);
            Path ca = dir.resolve("ca.p12");
            Path server = dir.resolve("server.p12");
            Path csr = dir.resolve("server.csr");
            Path crt = dir.resolve("server.crt");
            Path caPem = dir.resolve("ca.pem");
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=Outpost Test CA", "-ext", "bc:c", "-validity", "2",
                    "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-validity", "2",
                    "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD,
                    "-file", csr.toString());
            keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-rfc",
                    "-infile", csr.toString(), "-outfile", crt.toString(), "-validity", "2",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "EKU=serverAuth");
            keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-rfc",
                    "-file", caPem.toString());

            String pem = Files.readString(caPem, StandardCharsets.US_ASCII);
            Certificate caCert = certificates(pem).getFirst();
            Certificate serverCert = certificates(Files.readString(crt, StandardCharsets.US_ASCII)).getFirst();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(server)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            PrivateKey key = (PrivateKey) ks.getKey("server", PASSWORD.toCharArray());
            return new TestCa(dir, pem, caCert, key, new Certificate[] {serverCert, caCert});
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The CA certificate as PEM: what a user would configure as the server's CA. */
    public String caPem() {
        return caPem;
    }

    /** The CA certificate as a PEM file. */
    public Path caPemFile() {
        return dir.resolve("ca.pem");
    }

    /** A client context trusting this CA only. */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCertificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server side: presents the certificate this CA signed, with the CA in the chain. */
    public SSLContext serverContext() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", serverKey, PASSWORD.toCharArray(), serverChain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Certificate> certificates(String pem) throws java.security.GeneralSecurityException {
        return new ArrayList<>(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    }

    private static void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
