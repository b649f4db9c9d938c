package org.quorumlab.engine.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Key and trust stores made by the JDK's own {@code keytool} in a test's temp dir: nothing is
 * committed. {@link #issue} makes a self-signed identity (PKCS12 key store with its key and
 * certificate) and {@link #trust} a trust store holding the certificates given.
 */
public final class TestCertificates {

    public static final String PASSWORD = "test-pass";

    private TestCertificates() {
    }

    /** A key store {@code dir/name.p12} with a fresh EC key and a self-signed certificate for localhost. */
    public static Path issue(Path dir, String name) throws IOException, InterruptedException {
        Path ks = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name + ", O=QuorumLab test", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        return ks;
    }

    /** A trust store {@code dir/name.p12} holding the certificates of {@code keyStores}. */
    public static Path trust(Path dir, String name, Path... keyStores) throws IOException, InterruptedException {
        Path ts = dir.resolve(name + ".p12");
        for (Path ks : keyStores) {
            String alias = ks.getFileName().toString().replace(".p12", "");
            Path cert = dir.resolve(alias + ".crt");
            keytool("-exportcert", "-alias", alias, "-keystore", ks.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-rfc", "-file", cert.toString());
            keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(), "-keystore",
                    ts.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        }
        return ts;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
