package org.quorumlab.engine.config;

/**
 * One {@code server.N=host:quorumPort:electionPort[:role][;clientHost:clientPort]} line of zoo.cfg.
 *
 * <p>QuorumLab runs leader election over the quorum connection, so nothing listens on an election
 * port. ZooKeeper's syntax (and every ZooKeeper parser reading {@code /zookeeper/config}) still
 * needs the field, so a line with any election port parses, and QuorumLab writes it as {@code 0}
 * wherever it advertises a member: {@code host:quorumPort:0:role;clientHost:clientPort}.
 *
 * @param host       address the member binds its quorum port to and that peers connect to
 * @param clientHost address the member binds its client port to ({@code 0.0.0.0} for
 *                   {@code ;port} alone), empty when the line names no client port
 */
public record QuorumServerSpec(long id, String host, int quorumPort, boolean observer, String clientHost,
        int clientPort) {

    /** What QuorumLab writes in the election-port field: there is no election port. */
    public static final int NO_ELECTION_PORT = 0;

    /** Formats the entry the way ZooKeeper writes it into /zookeeper/config (election port {@code 0}). */
    public String toConfigLine() {
        String role = observer ? "observer" : "participant";
        String client = clientPort > 0 ? ";" + clientHost + ":" + clientPort : "";
        return "server." + id + "=" + host + ":" + quorumPort + ":" + NO_ELECTION_PORT + ":" + role + client;
    }

    /** Where clients reach this member: its client host, or its quorum host when the client binds all addresses. */
    public String clientConnectHost() {
        return clientHost.isEmpty() || clientHost.equals("0.0.0.0") ? host : clientHost;
    }

    /** Parses the value part (after {@code server.N=}). */
    public static QuorumServerSpec parse(long id, String value) {
        String serverPart = value;
        String clientHost = "";
        int clientPort = 0;
        int semi = value.indexOf(';');
        if (semi >= 0) {
            serverPart = value.substring(0, semi).trim();
            String client = value.substring(semi + 1).trim();
            int colon = client.lastIndexOf(':');
            clientHost = colon >= 0 ? client.substring(0, colon) : "0.0.0.0";
            clientPort = port(id, "client", colon >= 0 ? client.substring(colon + 1) : client, 1);
        }
        String[] parts = serverPart.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new ConfigException("server." + id + " must be host:quorumPort:electionPort[:participant|observer]"
                    + "[;[clientHost:]clientPort], got '" + value + "'");
        }
        if (parts[0].isBlank()) {
            throw new ConfigException("server." + id + " has no host in '" + value + "'");
        }
        boolean observer = false;
        if (parts.length == 4) {
            switch (parts[3]) {
                case "observer" -> observer = true;
                case "participant" -> observer = false;
                default -> throw new ConfigException("unknown role '" + parts[3] + "' for server." + id
                        + " (participant or observer)");
            }
        }
        int quorumPort = port(id, "quorum", parts[1], 1);
        port(id, "election", parts[2], 0); // checked, then unused (see the class comment); QuorumLab advertises 0
        return new QuorumServerSpec(id, parts[0], quorumPort, observer, clientHost, clientPort);
    }

    private static int port(long id, String which, String text, int min) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("server." + id + " has a bad " + which + " port '" + text + "'");
        }
        if (port < min || port > 65535) {
            throw new ConfigException("server." + id + " " + which + " port " + port + " is out of range " + min
                    + "..65535");
        }
        return port;
    }
}
