package dev.outpost.profiles.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * HTTPS connections that trust the JDK's certificate authorities plus the company's own, read from a
 * PEM file. Certificates and host names are still verified in full; only the set of trusted roots grows.
 */
final class TrustedCaConnectionFactory implements HttpConnectionFactory2 {
    private final JDKHttpConnectionFactory delegate = new JDKHttpConnectionFactory();
    private final TrustManager[] trust;

    private TrustedCaConnectionFactory(TrustManager[] trust) {
        this.trust = trust;
    }

    static TrustedCaConnectionFactory fromPem(Path pem) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate jdk : defaultTrust().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + n++, jdk);
            }
            Collection<? extends Certificate> extra;
            try (InputStream in = Files.newInputStream(pem)) {
                extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (extra.isEmpty()) {
                throw new IOException(pem + " holds no PEM certificates");
            }
            for (Certificate c : extra) {
                store.setCertificateEntry("company-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return new TrustedCaConnectionFactory(tmf.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not read the CA certificates in " + pem + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return withTrust(delegate.create(url), url);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        return withTrust(delegate.create(url, proxy), url);
    }

    @Override
    public GitSession newSession() {
        return delegate.newSession();
    }

    private HttpConnection withTrust(HttpConnection conn, URL url) throws IOException {
        if ("https".equalsIgnoreCase(url.getProtocol())) {
            try {
                conn.configure(null, trust, null);
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not set up TLS for " + url.getHost() + ": " + e.getMessage(), e);
            }
        }
        return conn;
    }
}
