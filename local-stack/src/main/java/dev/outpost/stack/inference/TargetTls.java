package dev.outpost.stack.inference;

import dev.outpost.stack.inference.TargetAccessException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for inference targets: always verified, hostname included. A company CA (a PEM file named in the
 * inference settings) is trusted <em>in addition to</em> the JDK's CAs, so a target behind a company proxy
 * works without public targets breaking. There is deliberately no way to turn verification off.
 */
public final class TargetTls {
    private final Optional<Path> customCa;
    private final SSLContext context;

    private TargetTls(Optional<Path> customCa, SSLContext context) {
        this.customCa = customCa;
        this.context = context;
    }

    /** The JDK's trusted CAs only. */
    public static TargetTls systemTrust() {
        return build(Optional.empty());
    }

    /**
     * The JDK's CAs plus every certificate in {@code pemFile}; a null path means system trust only.
     *
     * @throws TargetAccessException BAD_CA_FILE when the file is missing or holds no certificate
     */
    public static TargetTls withCustomCa(Path pemFile) {
        return build(Optional.ofNullable(pemFile));
    }

    private static TargetTls build(Optional<Path> customCa) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            // The platform's CAs are copied in first: trusting only the custom CA would break every public target.
            int i = 0;
            for (X509Certificate ca : systemTrustManager().getAcceptedIssuers()) {
                trust.setCertificateEntry("system-" + i++, ca);
            }
            if (customCa.isPresent()) {
                int j = 0;
                for (Certificate c : readPem(customCa.get())) {
                    trust.setCertificateEntry("custom-" + j++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return new TargetTls(customCa, ctx);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK's TLS setup failed: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager systemTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509TrustManager");
    }

    private static Collection<? extends Certificate> readPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new TargetAccessException(Reason.BAD_CA_FILE, null, "The CA file " + file
                        + " holds no certificate.", "Point the inference CA setting at a PEM file with the CA certificate.");
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new TargetAccessException(Reason.BAD_CA_FILE, null, "The CA file " + file + " could not be read: "
                    + e.getMessage(), "Point the inference CA setting at a readable PEM file "
                    + "(-----BEGIN CERTIFICATE-----).", e);
        }
    }

    /** For {@code HttpClient.newBuilder().sslContext(...)}. */
    public SSLContext sslContext() {
        return context;
    }

    /**
     * For {@code HttpClient.newBuilder().sslParameters(...)}: hostname verification spelled out, although
     * {@code java.net.http} already does it, so it stays on even for clients built some other way.
     */
    public SSLParameters sslParameters() {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }

    public Optional<Path> customCa() {
        return customCa;
    }
}
