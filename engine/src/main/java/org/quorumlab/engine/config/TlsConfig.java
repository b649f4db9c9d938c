package org.quorumlab.engine.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * TLS, with ZooKeeper's zoo.cfg keys: {@code secureClientPort} (and {@code secureClientPortAddress})
 * with the {@code ssl.*} stores, and {@code sslQuorum=true} with the {@code ssl.quorum.*} stores for
 * server-to-server traffic. Immutable; the stores are opened when the server starts.
 *
 * @param secureClientPort the TLS client port, or -1 for none (0 picks a free port)
 * @param secureClientPortAddress the address it binds, or null for {@code clientPortAddress}
 * @param client  stores for the secure client port
 * @param sslQuorum whether quorum links (proposals, votes, heartbeats) use TLS, both ways
 * @param quorum  stores for the quorum links
 */
public record TlsConfig(int secureClientPort, String secureClientPortAddress, Stores client, boolean sslQuorum,
        Stores quorum) {

    /** No TLS anywhere: ZooKeeper's default. */
    public static final TlsConfig NONE = new TlsConfig(-1, null, Stores.EMPTY, false, Stores.EMPTY);

    /** Whether a client asked for a certificate must present one ({@code ssl.clientAuth}). */
    public enum ClientAuth {
        NONE, WANT, NEED;

        static ClientAuth parse(String v) {
            try {
                return valueOf(v.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("'" + v + "' is not none, want or need");
            }
        }
    }

    /**
     * One side's key and trust stores. A store's type is {@code PKCS12} or {@code JKS}; when not
     * given it follows the file name ({@code .jks} is JKS, anything else PKCS12).
     *
     * @param protocols  {@code ssl.enabledProtocols}, or empty for the JDK's defaults
     * @param ciphers    {@code ssl.ciphersuites}, or empty for the JDK's defaults
     */
    public record Stores(Path keyStore, String keyStorePassword, String keyStoreType, Path trustStore,
            String trustStorePassword, String trustStoreType, ClientAuth clientAuth, List<String> protocols,
            List<String> ciphers) {

        static final Stores EMPTY = new Stores(null, "", null, null, "", null, ClientAuth.NEED, List.of(), List.of());

        public Stores {
            protocols = List.copyOf(protocols);
            ciphers = List.copyOf(ciphers);
        }

        /** The key store's type, explicit or from its file name. */
        public String effectiveKeyStoreType() {
            return typeOf(keyStoreType, keyStore);
        }

        /** The trust store's type, explicit or from its file name. */
        public String effectiveTrustStoreType() {
            return typeOf(trustStoreType, trustStore);
        }

        private static String typeOf(String explicit, Path file) {
            if (explicit != null && !explicit.isBlank()) {
                return explicit.trim().toUpperCase(Locale.ROOT);
            }
            return file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS"
                    : "PKCS12";
        }

        /** {@code this} with zoo.cfg key {@code key} (without the {@code ssl.} or {@code ssl.quorum.} prefix) set. */
        Stores with(String key, String value, Path baseDir) {
            return switch (key) {
                case "keyStore.location" -> new Stores(resolve(baseDir, value), keyStorePassword, keyStoreType,
                        trustStore, trustStorePassword, trustStoreType, clientAuth, protocols, ciphers);
                case "keyStore.password" -> new Stores(keyStore, value, keyStoreType, trustStore, trustStorePassword,
                        trustStoreType, clientAuth, protocols, ciphers);
                case "keyStore.passwordPath" -> with("keyStore.password", readPassword(resolve(baseDir, value)), baseDir);
                case "trustStore.passwordPath" -> with("trustStore.password", readPassword(resolve(baseDir, value)),
                        baseDir);
                case "keyStore.type" -> new Stores(keyStore, keyStorePassword, checkType(value), trustStore,
                        trustStorePassword, trustStoreType, clientAuth, protocols, ciphers);
                case "trustStore.location" -> new Stores(keyStore, keyStorePassword, keyStoreType,
                        resolve(baseDir, value), trustStorePassword, trustStoreType, clientAuth, protocols, ciphers);
                case "trustStore.password" -> new Stores(keyStore, keyStorePassword, keyStoreType, trustStore, value,
                        trustStoreType, clientAuth, protocols, ciphers);
                case "trustStore.type" -> new Stores(keyStore, keyStorePassword, keyStoreType, trustStore,
                        trustStorePassword, checkType(value), clientAuth, protocols, ciphers);
                case "clientAuth" -> new Stores(keyStore, keyStorePassword, keyStoreType, trustStore,
                        trustStorePassword, trustStoreType, ClientAuth.parse(value), protocols, ciphers);
                case "enabledProtocols" -> new Stores(keyStore, keyStorePassword, keyStoreType, trustStore,
                        trustStorePassword, trustStoreType, clientAuth, list(value), ciphers);
                case "ciphersuites" -> new Stores(keyStore, keyStorePassword, keyStoreType, trustStore,
                        trustStorePassword, trustStoreType, clientAuth, protocols, list(value));
                default -> throw new IllegalArgumentException(key);
            };
        }

        static boolean accepts(String key) {
            return List.of("keyStore.location", "keyStore.password", "keyStore.passwordPath", "keyStore.type",
                    "trustStore.location", "trustStore.password", "trustStore.passwordPath", "trustStore.type", "clientAuth", "enabledProtocols", "ciphersuites")
                    .contains(key);
        }

        /** ZooKeeper's {@code *.passwordPath}: the password is the file's content, without a trailing newline. */
        private static String readPassword(Path file) {
            try {
                return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).stripTrailing();
            } catch (java.io.IOException e) {
                throw new ConfigException("cannot read the password file " + file + ": " + e.getMessage());
            }
        }

        private static String checkType(String v) {
            String t = v.trim().toUpperCase(Locale.ROOT);
            if (!t.equals("PKCS12") && !t.equals("JKS")) {
                throw new ConfigException("store type '" + v + "' is not supported (PKCS12 or JKS; convert PEM with "
                        + "openssl pkcs12 -export)");
            }
            return t;
        }

        private static Path resolve(Path baseDir, String v) {
            Path p = Path.of(v);
            return baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p);
        }

        private static List<String> list(String v) {
            return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** Whether zoo.cfg key {@code key} is one of these. */
    public static boolean accepts(String key) {
        return key.equals("secureClientPort") || key.equals("secureClientPortAddress") || key.equals("sslQuorum")
                || key.startsWith("ssl.quorum.") && Stores.accepts(key.substring("ssl.quorum.".length()))
                || key.startsWith("ssl.") && Stores.accepts(key.substring("ssl.".length()));
    }

    /** {@code this} with zoo.cfg key {@code key} set ({@link #accepts} must hold). */
    public TlsConfig with(String key, String value, Path baseDir) {
        return switch (key) {
            case "secureClientPort" -> new TlsConfig(Integer.parseInt(value), secureClientPortAddress, client,
                    sslQuorum, quorum);
            case "secureClientPortAddress" -> new TlsConfig(secureClientPort, value, client, sslQuorum, quorum);
            case "sslQuorum" -> new TlsConfig(secureClientPort, secureClientPortAddress, client, bool(value), quorum);
            default -> key.startsWith("ssl.quorum.")
                    ? new TlsConfig(secureClientPort, secureClientPortAddress, client, sslQuorum,
                            quorum.with(key.substring("ssl.quorum.".length()), value, baseDir))
                    : new TlsConfig(secureClientPort, secureClientPortAddress,
                            client.with(key.substring("ssl.".length()), value, baseDir), sslQuorum, quorum);
        };
    }

    /** Checks that what is switched on has its stores; called once the whole file is read. */
    public TlsConfig validated() {
        if (secureClientPort > 65535) {
            throw new ConfigException("secureClientPort out of range: " + secureClientPort);
        }
        if (secureClientPort >= 0 && client.keyStore() == null) {
            throw new ConfigException("secureClientPort needs ssl.keyStore.location (the server's certificate)");
        }
        if (secureClientPort >= 0 && client.clientAuth() != ClientAuth.NONE && client.trustStore() == null) {
            throw new ConfigException("ssl.clientAuth=" + client.clientAuth().name().toLowerCase(Locale.ROOT)
                    + " needs ssl.trustStore.location (the certificates clients are checked against), or set "
                    + "ssl.clientAuth=none");
        }
        if (sslQuorum && (quorum.keyStore() == null || quorum.trustStore() == null)) {
            throw new ConfigException("sslQuorum=true needs ssl.quorum.keyStore.location and "
                    + "ssl.quorum.trustStore.location");
        }
        return this;
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigException("'" + value + "' is not true/false");
    }
}
