package org.quorumlab.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ensemble membership as ZooKeeper keeps it in {@code /zookeeper/config}: one
 * {@code server.N=host:quorumPort:0:role;clientHost:clientPort} line per member (no election port,
 * see {@link QuorumServerSpec}) plus {@code version=<hex zxid>}. Immutable; reconfig produces a new instance.
 */
public record DynamicConfig(long version, Map<Long, QuorumServerSpec> servers) {

    public DynamicConfig {
        servers = Collections.unmodifiableMap(new TreeMap<>(servers));
    }

    public static DynamicConfig of(long version, List<QuorumServerSpec> specs) {
        Map<Long, QuorumServerSpec> m = new TreeMap<>();
        for (QuorumServerSpec s : specs) {
            if (m.put(s.id(), s) != null) {
                throw new ConfigException("server." + s.id() + " listed twice");
            }
        }
        return new DynamicConfig(version, m);
    }

    /** Parses the text form; lines may be separated by newlines or commas. */
    public static DynamicConfig parse(String text) {
        long version = 0;
        List<QuorumServerSpec> specs = new ArrayList<>();
        for (String raw : text.replace(',', '\n').split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("expected key=value in config line '" + line + "'");
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (key.equals("version")) {
                try {
                    version = Long.parseUnsignedLong(value, 16);
                } catch (NumberFormatException e) {
                    throw new ConfigException("bad version '" + value + "'");
                }
            } else if (key.startsWith("server.")) {
                long id;
                try {
                    id = Long.parseLong(key.substring("server.".length()));
                } catch (NumberFormatException e) {
                    throw new ConfigException("bad server id in '" + key + "'");
                }
                specs.add(QuorumServerSpec.parse(id, value));
            } else {
                throw new ConfigException("unexpected key '" + key + "' in dynamic config");
            }
        }
        return of(version, specs);
    }

    public String format() {
        StringBuilder b = new StringBuilder();
        for (QuorumServerSpec s : servers.values()) {
            b.append(s.toConfigLine()).append('\n');
        }
        return b.append("version=").append(Long.toHexString(version)).toString();
    }

    public List<Long> voters() {
        return servers.values().stream().filter(s -> !s.observer()).map(QuorumServerSpec::id).toList();
    }

    public List<Long> observers() {
        return servers.values().stream().filter(QuorumServerSpec::observer).map(QuorumServerSpec::id).toList();
    }

    public DynamicConfig withVersion(long newVersion) {
        return new DynamicConfig(newVersion, servers);
    }

    /** Client connection string of all members, e.g. {@code 127.0.0.1:2181,127.0.0.1:2182}. */
    public String connectString() {
        return String.join(",", servers.values().stream()
                .filter(s -> s.clientPort() > 0)
                .map(s -> s.clientConnectHost() + ":" + s.clientPort())
                .toList());
    }
}
