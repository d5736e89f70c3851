package dev.outpost.stack.cluster.fake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real (self-signed) admin credentials for the kubeconfigs, made with the JDK's keytool, so that clients which
 * parse {@code client-certificate-data}/{@code client-key-data} get well-formed PEM as they would from kubeadm/k3s.
 */
final class Credentials {
    /** Base64 of PEM text, as kubeconfigs carry it. */
    record Pem(String caData, String certData, String keyData) {
    }

    private Credentials() {
    }

    static Pem generate(String commonName, String organisation) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("outpost-fake-creds");
            Path store = dir.resolve("admin.p12");
            char[] pass = "fakefake".toCharArray();
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "admin", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=" + commonName + ",O=" + organisation, "-validity",
                    "3650", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(pass),
                    "-keypass", new String(pass))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, pass);
            }
            Key key = ks.getKey("admin", pass);
            Certificate cert = ks.getCertificate("admin");
            String certPem = pem("CERTIFICATE", cert.getEncoded());
            String keyPem = pem("PRIVATE KEY", key.getEncoded());
            return new Pem(b64(certPem), b64(certPem), b64(keyPem));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
