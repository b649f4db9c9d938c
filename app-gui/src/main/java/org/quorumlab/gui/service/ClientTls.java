package org.quorumlab.gui.service;

import java.util.Map;
import java.util.TreeMap;

/**
 * TLS for a connection to a server's {@code secureClientPort}: the official client over Netty with
 * a trust store (the servers' certificates or their CA) and, where the server asks for one
 * ({@code ssl.clientAuth}), a key store with the console's own certificate. Store types follow the
 * file name ({@code .jks}: JKS, else PKCS12), as the client itself decides.
 *
 * @param enabled            whether to use TLS at all
 * @param trustStore         path of the trust store; required when enabled
 * @param trustStorePassword its password (may be blank)
 * @param keyStore           path of the client certificate's key store; blank for none
 * @param keyStorePassword   its password
 */
public record ClientTls(boolean enabled, String trustStore, String trustStorePassword, String keyStore,
        String keyStorePassword) {

    /** Plaintext. */
    public static final ClientTls OFF = new ClientTls(false, "", "", "", "");

    /** Normalises nulls to empty strings. */
    public ClientTls {
        trustStore = trustStore == null ? "" : trustStore.trim();
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
        keyStore = keyStore == null ? "" : keyStore.trim();
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
    }

    /** The official client's properties ({@code ZKClientConfig}) for this choice; none when off. */
    public Map<String, String> clientProperties() {
        Map<String, String> p = new TreeMap<>();
        if (!enabled) {
            return p;
        }
        p.put("zookeeper.client.secure", "true");
        p.put("zookeeper.clientCnxnSocket", "org.apache.zookeeper.ClientCnxnSocketNetty");
        p.put("zookeeper.ssl.trustStore.location", trustStore);
        p.put("zookeeper.ssl.trustStore.password", trustStorePassword);
        if (!keyStore.isEmpty()) {
            p.put("zookeeper.ssl.keyStore.location", keyStore);
            p.put("zookeeper.ssl.keyStore.password", keyStorePassword);
        }
        return p;
    }
}
