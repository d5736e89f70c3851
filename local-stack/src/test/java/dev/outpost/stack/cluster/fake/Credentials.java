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
 * parse {@code client-certificate-data}/{@code client-key-data} get well-formed PEM as kubeadm writes it (an RSA
 * certificate and a PKCS#1 {@code RSA PRIVATE KEY}).
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
            Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "admin", "-keyalg", "RSA",
                    "-keysize", "2048", "-dname", "CN=" + commonName + ",O=" + organisation, "-validity",
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
            String keyPem = pem("RSA PRIVATE KEY", pkcs1(key.getEncoded()));
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

    /** The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: SEQUENCE { version, algorithm, OCTET STRING }. */
    static byte[] pkcs1(byte[] pkcs8) {
        int[] pos = {0};
        expect(pkcs8, pos, 0x30);
        length(pkcs8, pos);
        skip(pkcs8, pos); // version INTEGER
        skip(pkcs8, pos); // AlgorithmIdentifier SEQUENCE
        expect(pkcs8, pos, 0x04);
        int len = length(pkcs8, pos);
        return java.util.Arrays.copyOfRange(pkcs8, pos[0], pos[0] + len);
    }

    private static void expect(byte[] der, int[] pos, int tag) {
        if ((der[pos[0]++] & 0xff) != tag) {
            throw new IllegalStateException("unexpected DER tag");
        }
    }

    private static void skip(byte[] der, int[] pos) {
        pos[0]++;
        int len = length(der, pos);
        pos[0] += len;
    }

    private static int length(byte[] der, int[] pos) {
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int len = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            len = (len << 8) | (der[pos[0]++] & 0xff);
        }
        return len;
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
