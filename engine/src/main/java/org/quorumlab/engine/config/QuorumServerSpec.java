package org.quorumlab.engine.config;

/**
 * One {@code server.N=host:quorumPort:electionPort[:role][;clientHost:clientPort]} line of zoo.cfg.
 */
public record QuorumServerSpec(long id, String host, int quorumPort, int electionPort, boolean observer,
        String clientHost, int clientPort) {

    /** Formats the entry the way ZooKeeper writes it into /zookeeper/config. */
    public String toConfigLine() {
        String role = observer ? "observer" : "participant";
        String client = clientPort > 0 ? ";" + clientHost + ":" + clientPort : "";
        return "server." + id + "=" + host + ":" + quorumPort + ":" + electionPort + ":" + role + client;
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
            clientPort = port(id, "client", colon >= 0 ? client.substring(colon + 1) : client);
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
        return new QuorumServerSpec(id, parts[0], port(id, "quorum", parts[1]), port(id, "election", parts[2]),
                observer, clientHost, clientPort);
    }

    private static int port(long id, String which, String text) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("server." + id + " has a bad " + which + " port '" + text + "'");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigException("server." + id + " " + which + " port " + port + " is out of range 1..65535");
        }
        return port;
    }
}
