package dev.outpost.stack.inference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust for a remote Ollama whose certificate comes from a private CA: an {@link SSLContext} that trusts the CA
 * certificates in a PEM file (and only those). Hostname verification is not touched: the HTTP client still
 * checks that the certificate names the host it dialled.
 */
public final class OllamaTls {
    private OllamaTls() {
    }

    public static SSLContext trusting(Path caPem) throws IOException, GeneralSecurityException {
        return trustingPem(Files.readString(caPem, StandardCharsets.US_ASCII));
    }

    /** @param pem one or more {@code -----BEGIN CERTIFICATE-----} blocks */
    public static SSLContext trustingPem(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certs.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the PEM text");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
