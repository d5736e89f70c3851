package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server certificate for 127.0.0.1 made with the JDK's keytool, standing in for one signed by a
 * company CA that the JDK does not trust.
 */
record SelfSignedCertificate(Path keyStore, String password, Path pem) {

    static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException {
        Path ks = dir.resolve("server.p12");
        Path pem = dir.resolve("company-ca.pem");
        String pw = "test-keystore-password";
        keytool("-genkeypair", "-alias", "git", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", pw, "-keypass", pw);
        keytool("-exportcert", "-rfc", "-alias", "git", "-keystore", ks.toString(), "-storepass", pw,
                "-file", pem.toString());
        return new SelfSignedCertificate(ks, pw, pem);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }
}
