package org.quorumlab.engine.net;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.quorumlab.engine.config.ConfigException;
import org.quorumlab.engine.config.TlsConfig;

/**
 * Netty TLS contexts from zoo.cfg's stores. Every store is opened when the server starts, so a
 * wrong password or a missing file stops the start with one line naming the key and the file,
 * before any port is bound.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** The secure client port's context: the server's certificate, clients checked as {@code ssl.clientAuth} says. */
    public static SslContext clientPort(TlsConfig.Stores s) {
        SslContextBuilder b = SslContextBuilder.forServer(keyManagers(s, "ssl"));
        if (s.trustStore() != null) {
            b.trustManager(trustManagers(s, "ssl"));
        }
        b.clientAuth(switch (s.clientAuth()) {
            case NONE -> ClientAuth.NONE;
            case WANT -> ClientAuth.OPTIONAL;
            case NEED -> ClientAuth.REQUIRE;
        });
        return build(b, s, "ssl");
    }

    /** The accepting side of a quorum link: both ends always present certificates. */
    public static SslContext quorumServer(TlsConfig.Stores s) {
        SslContextBuilder b = SslContextBuilder.forServer(keyManagers(s, "ssl.quorum"))
                .trustManager(trustManagers(s, "ssl.quorum")).clientAuth(ClientAuth.REQUIRE);
        return build(b, s, "ssl.quorum");
    }

    /** The connecting side of a quorum link. */
    public static SslContext quorumClient(TlsConfig.Stores s) {
        SslContextBuilder b = SslContextBuilder.forClient().keyManager(keyManagers(s, "ssl.quorum"))
                .trustManager(trustManagers(s, "ssl.quorum"));
        return build(b, s, "ssl.quorum");
    }

    private static SslContext build(SslContextBuilder b, TlsConfig.Stores s, String prefix) {
        b.sslProvider(SslProvider.JDK);
        if (!s.protocols().isEmpty()) {
            b.protocols(s.protocols());
        }
        if (!s.ciphers().isEmpty()) {
            b.ciphers(s.ciphers());
        }
        try {
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException(prefix + ".enabledProtocols/" + prefix + ".ciphersuites: " + e.getMessage());
        }
    }

    private static KeyManagerFactory keyManagers(TlsConfig.Stores s, String prefix) {
        KeyStore ks = load(s.keyStore(), s.keyStorePassword(), s.effectiveKeyStoreType(), prefix + ".keyStore");
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, s.keyStorePassword().toCharArray());
            return kmf;
        } catch (GeneralSecurityException e) {
            throw new ConfigException(prefix + ".keyStore.location " + s.keyStore() + ": cannot use its key: "
                    + e.getMessage());
        }
    }

    private static TrustManagerFactory trustManagers(TlsConfig.Stores s, String prefix) {
        KeyStore ts = load(s.trustStore(), s.trustStorePassword(), s.effectiveTrustStoreType(),
                prefix + ".trustStore");
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            return tmf;
        } catch (GeneralSecurityException e) {
            throw new ConfigException(prefix + ".trustStore.location " + s.trustStore() + ": " + e.getMessage());
        }
    }

    private static KeyStore load(Path file, String password, String type, String key) {
        if (file == null) {
            throw new ConfigException(key + ".location is not set");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException(key + ".location " + file + ": no such readable file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password.toCharArray());
            if (ks.size() == 0) {
                throw new ConfigException(key + ".location " + file + ": the store is empty");
            }
            return ks;
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException whose cause is UnrecoverableKeyException.
            boolean badPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new ConfigException(key + ".location " + file + ": "
                    + (badPassword ? "wrong " + key + ".password" : "not a " + type + " store (" + e.getMessage() + ")"));
        } catch (GeneralSecurityException e) {
            throw new ConfigException(key + ".location " + file + ": " + e.getMessage());
        }
    }
}
