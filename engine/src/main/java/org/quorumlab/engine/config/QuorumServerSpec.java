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
            try {
                if (colon >= 0) {
                    clientHost = client.substring(0, colon);
                    clientPort = Integer.parseInt(client.substring(colon + 1));
                } else {
                    clientHost = "0.0.0.0";
                    clientPort = Integer.parseInt(client);
                }
            } catch (NumberFormatException e) {
                throw new ConfigException("bad client address '" + client + "' for server." + id);
            }
        }
        String[] parts = serverPart.split(":");
        if (parts.length < 3 || parts.length > 4) {
            throw new ConfigException("server." + id + " must be host:quorumPort:electionPort[:participant|observer]");
        }
        boolean observer = false;
        if (parts.length == 4) {
            switch (parts[3]) {
                case "observer" -> observer = true;
                case "participant" -> observer = false;
                default -> throw new ConfigException("unknown role '" + parts[3] + "' for server." + id);
            }
        }
        try {
            return new QuorumServerSpec(id, parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    observer, clientHost, clientPort);
        } catch (NumberFormatException e) {
            throw new ConfigException("bad port in server." + id + "=" + value);
        }
    }
}
