package org.quorumlab.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a zoo.cfg-style file. Every error names the file and line. Unknown keys are rejected
 * rather than ignored, so a typo never silently changes behaviour; ZooKeeper keys QuorumLab does
 * not need are listed in {@link #IGNORED_KEYS}.
 */
public final class ZooCfgParser {

    static final List<String> IGNORED_KEYS = List.of("autopurge.snapRetainCount", "autopurge.purgeInterval",
            "dataLogDir", "4lw.commands.whitelist", "admin.enableServer", "standaloneEnabled",
            "metricsProvider.className", "metricsProvider.httpPort",
            "preAllocSize", "quorumListenOnAllIPs", "electionAlg", "dynamicConfigFile", "forceSync",
            "leaderServes", "cnxTimeout");

    private ZooCfgParser() {
    }

    public static ServerConfig parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), lines, file.toAbsolutePath().getParent());
    }

    public static ServerConfig parse(String source, List<String> lines, Path baseDir) {
        ServerConfigBuilder b = new ServerConfigBuilder();
        Long myId = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(where + ": expected key=value, got '" + line + "'");
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            try {
                if (key.equals("myid")) {
                    myId = Long.parseLong(value);
                } else {
                    apply(b, key, value, baseDir);
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(where + ": '" + value + "' is not a number for " + key);
            } catch (ConfigException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
        if (myId != null) {
            b.serverId(myId);
        }
        return b.build();
    }

    private static void apply(ServerConfigBuilder b, String key, String value, Path baseDir) {
        if (key.startsWith("server.")) {
            long id = Long.parseLong(key.substring("server.".length()));
            b.addServer(QuorumServerSpec.parse(id, value));
            return;
        }
        switch (key) {
            case "clientPort" -> b.clientPort(Integer.parseInt(value));
            case "clientPortAddress" -> b.clientPortAddress(value);
            case "dataDir" -> b.dataDir(baseDir == null ? Path.of(value) : baseDir.resolve(value));
            case "tickTime" -> b.tickTime(Integer.parseInt(value));
            case "minSessionTimeout" -> b.minSessionTimeout(Integer.parseInt(value));
            case "maxSessionTimeout" -> b.maxSessionTimeout(Integer.parseInt(value));
            case "maxClientCnxns" -> b.maxClientCnxns(Integer.parseInt(value));
            case "jute.maxbuffer" -> b.juteMaxBuffer(Integer.decode(value));
            case "extendedTypesEnabled", "zookeeper.extendedTypesEnabled" -> b.extendedTypesEnabled(bool(value));
            case "superDigest", "DigestAuthenticationProvider.superDigest" -> b.superDigest(value);
            case "skipACL" -> b.skipAcl(value.equalsIgnoreCase("yes") || bool(value));
            case "snapCount" -> b.snapCount(Integer.parseInt(value));
            case "container.checkIntervalMs" -> b.containerCheckIntervalMs(Long.parseLong(value));
            case "reconfigEnabled" -> b.reconfigEnabled(bool(value));
            case "initLimit" -> b.initLimit(Integer.parseInt(value));
            case "syncLimit" -> b.syncLimit(Integer.parseInt(value));
            case "admin.serverPort" -> b.adminPort(Integer.parseInt(value));
            case "admin.serverAddress" -> b.adminServerAddress(value);
            case "admin.tokenFile" -> b.adminToken(AdminToken.readFrom(baseDir == null ? Path.of(value)
                    : baseDir.resolve(value)));
            case "globalOutstandingLimit" -> b.globalOutstandingLimit(Integer.parseInt(value));
            default -> {
                if (!IGNORED_KEYS.contains(key)) {
                    throw new ConfigException("unknown key '" + key + "'");
                }
            }
        }
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException("'" + value + "' is not true/false");
    }
}
