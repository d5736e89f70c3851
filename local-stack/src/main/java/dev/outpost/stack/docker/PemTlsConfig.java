package dev.outpost.stack.docker;

import com.github.dockerjava.core.util.CertificateUtils;
import com.github.dockerjava.core.SSLConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS from the docker CLI's PEM files: trust {@code ca.pem} (the JDK's roots when there is none),
 * present {@code cert.pem}/{@code key.pem} when both are there. docker-java's own directory config
 * cannot skip verification, which contexts with SkipTLSVerify ask for.
 */
final class PemTlsConfig implements SSLConfig {
    private static final char[] IN_MEMORY_PASSWORD = "outpost".toCharArray();

    private final DockerTls tls;

    PemTlsConfig(DockerTls tls) {
        this.tls = tls;
    }

    @Override
    public SSLContext getSSLContext() throws KeyManagementException, UnrecoverableKeyException,
            NoSuchAlgorithmException, KeyStoreException {
        Optional<Path> dir = tls.material();
        try {
            KeyManager[] keys = dir.isPresent() ? keyManagers(dir.get()) : null;
            TrustManager[] trust = tls.verifyServer() ? trustManagers(dir) : new TrustManager[] {new TrustAll()};
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (IOException e) {
            throw new KeyStoreException("cannot read TLS material in " + dir.orElse(null) + ": " + e.getMessage(), e);
        } catch (UnrecoverableKeyException | NoSuchAlgorithmException | KeyStoreException | KeyManagementException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new KeyStoreException("bad TLS material in " + dir.orElse(null) + ": " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(Path dir) throws IOException, GeneralSecurityException {
        Path cert = dir.resolve(DockerTls.CERT);
        Path key = dir.resolve(DockerTls.KEY);
        if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
            return null;
        }
        PrivateKey privateKey = CertificateUtils.loadPrivateKey(Files.readString(key, StandardCharsets.US_ASCII));
        if (privateKey == null) {
            throw new KeyStoreException(key + " holds no private key");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("docker", privateKey, IN_MEMORY_PASSWORD, certificates(cert));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, IN_MEMORY_PASSWORD);
        return kmf.getKeyManagers();
    }

    private static TrustManager[] trustManagers(Optional<Path> dir) throws IOException, GeneralSecurityException {
        Optional<Path> ca = dir.map(d -> d.resolve(DockerTls.CA)).filter(Files::isRegularFile);
        if (ca.isEmpty()) {
            return null;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Certificate[] cas = certificates(ca.get());
        for (int i = 0; i < cas.length; i++) {
            store.setCertificateEntry("ca-" + i, cas[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    private static Certificate[] certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Certificate[] all = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            if (all.length == 0) {
                throw new KeyStoreException(pem + " holds no certificate");
            }
            return all;
        }
    }

    /** What SkipTLSVerify means: encrypt, but take the engine's certificate on trust. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // never asked: this side is the client
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the user chose SkipTLSVerify for this context
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
