package org.quorumlab.gui.service;

/**
 * Everything needed to open a session.
 *
 * @param name             display name in the saved-connections list
 * @param connectString    {@code host:port,host:port,...} (may itself end in a chroot)
 * @param chroot           optional chroot such as {@code /app}; blank for none
 * @param digestAuth       optional {@code user:password} added as digest auth; blank for none
 * @param sessionTimeoutMs requested session timeout
 * @param clusterDir       optional directory of a QuorumLab launcher cluster ({@code quorumlab cluster --dir D}):
 *                         the console then manages that cluster, reaching its admin API with the token in
 *                         {@code D/admin.token}; blank for none
 * @param tls              TLS to the servers' secure client ports, or {@link ClientTls#OFF}
 */
public record ConnectionSpec(String name, String connectString, String chroot, String digestAuth,
        int sessionTimeoutMs, String clusterDir, ClientTls tls) {

    /** Default session timeout. */
    public static final int DEFAULT_TIMEOUT_MS = 15_000;

    /** Normalises nulls to empty strings. */
    public ConnectionSpec {
        name = name == null ? "" : name.trim();
        connectString = connectString == null ? "" : connectString.trim();
        chroot = chroot == null ? "" : chroot.trim();
        digestAuth = digestAuth == null ? "" : digestAuth.trim();
        clusterDir = clusterDir == null ? "" : clusterDir.trim();
        if (sessionTimeoutMs <= 0) {
            sessionTimeoutMs = DEFAULT_TIMEOUT_MS;
        }
        tls = tls == null ? ClientTls.OFF : tls;
    }

    /** A plaintext connection to an ensemble the console does not manage. */
    public ConnectionSpec(String name, String connectString, String chroot, String digestAuth, int sessionTimeoutMs) {
        this(name, connectString, chroot, digestAuth, sessionTimeoutMs, "", ClientTls.OFF);
    }

    /** A plaintext connection; {@code clusterDir} as in the record. */
    public ConnectionSpec(String name, String connectString, String chroot, String digestAuth, int sessionTimeoutMs,
            String clusterDir) {
        this(name, connectString, chroot, digestAuth, sessionTimeoutMs, clusterDir, ClientTls.OFF);
    }

    /** Parses {@code host:port,.../chroot}; the name is the text itself. */
    public static ConnectionSpec parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String hosts = slash < 0 ? s : s.substring(0, slash);
        String chroot = slash < 0 ? "" : s.substring(slash);
        return new ConnectionSpec(s, hosts, chroot, "", DEFAULT_TIMEOUT_MS);
    }

    /** The string handed to the ZooKeeper client: hosts plus chroot. */
    public String clientConnectString() {
        if (chroot.isEmpty() || chroot.equals("/")) {
            return connectString;
        }
        return connectString + (chroot.startsWith("/") ? chroot : "/" + chroot);
    }

    /** Label for selectors: the name, or the connect string when unnamed. */
    public String label() {
        return name.isEmpty() ? clientConnectString() : name;
    }
}
