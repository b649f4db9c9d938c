package org.quorumlab.engine.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a zoo.cfg-style file. Every error names the file and line (a missing {@code myid} names the
 * file, a bad ZooKeeper {@code myid} file names that file). Each value is checked where it is read,
 * so a bad one is reported at its own line, not later by {@link ServerConfig}. Unknown keys and keys
 * given twice are rejected rather than ignored, so a typo never silently changes behaviour;
 * ZooKeeper keys QuorumLab does not need are listed in {@link #IGNORED_KEYS}.
 *
 * <p>Files are read as UTF-8; a line that is not valid UTF-8 is read as ISO-8859-1, the encoding
 * ZooKeeper reads zoo.cfg with. Like ZooKeeper, a replicated server whose zoo.cfg has no
 * {@code myid=N} takes its id from the {@code myid} file in its dataDir.
 */
public final class ZooCfgParser {

    static final List<String> IGNORED_KEYS = List.of("autopurge.snapRetainCount", "autopurge.purgeInterval",
            "dataLogDir", "4lw.commands.whitelist", "admin.enableServer", "standaloneEnabled",
            "metricsProvider.className", "metricsProvider.httpPort",
            "preAllocSize", "quorumListenOnAllIPs", "electionAlg", "dynamicConfigFile", "forceSync",
            "leaderServes", "cnxTimeout", "admin.serverAddress");

    /** Session ids carry the server id in their top byte. */
    static final long MAX_SERVER_ID = 255;
    /** With extended types a top byte of 0xff marks a TTL node's owner, so server 255 is not allowed. */
    static final long MAX_SERVER_ID_EXTENDED_TYPES = 254;

    /** 20 × tickTime, the default maxSessionTimeout, must fit in an int. */
    static final int MAX_TICK_TIME = Integer.MAX_VALUE / 20;

    /** A key QuorumLab reads: checks its value and sets it on the builder. */
    @FunctionalInterface
    private interface Setting {
        void apply(ServerConfigBuilder b, String value, Path baseDir);
    }

    /** Every key QuorumLab reads besides {@code server.N} and {@code myid}; an alias maps to its key's setting. */
    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();
    /** Alias to canonical key, so a value given under both names counts as given twice. */
    private static final Map<String, String> ALIASES = Map.of(
            "zookeeper.extendedTypesEnabled", "extendedTypesEnabled",
            "DigestAuthenticationProvider.superDigest", "superDigest");

    static {
        SETTINGS.put("clientPort", (b, v, d) -> b.clientPort(intIn("clientPort", v, 0, 65535)));
        SETTINGS.put("clientPortAddress", (b, v, d) -> b.clientPortAddress(nonEmpty("clientPortAddress", v)));
        SETTINGS.put("dataDir", (b, v, d) -> b.dataDir(path("dataDir", v, d)));
        SETTINGS.put("tickTime", (b, v, d) -> b.tickTime(intIn("tickTime", v, 1, MAX_TICK_TIME)));
        SETTINGS.put("minSessionTimeout", (b, v, d) -> b.minSessionTimeout(sessionTimeout("minSessionTimeout", v)));
        SETTINGS.put("maxSessionTimeout", (b, v, d) -> b.maxSessionTimeout(sessionTimeout("maxSessionTimeout", v)));
        SETTINGS.put("maxClientCnxns", (b, v, d) -> b.maxClientCnxns(intIn("maxClientCnxns", v, 0, Integer.MAX_VALUE)));
        SETTINGS.put("jute.maxbuffer", (b, v, d) -> b.juteMaxBuffer(juteMaxBuffer(v)));
        SETTINGS.put("extendedTypesEnabled", (b, v, d) -> b.extendedTypesEnabled(bool("extendedTypesEnabled", v)));
        SETTINGS.put("zookeeper.extendedTypesEnabled", SETTINGS.get("extendedTypesEnabled"));
        SETTINGS.put("superDigest", (b, v, d) -> b.superDigest(superDigest(v)));
        SETTINGS.put("DigestAuthenticationProvider.superDigest", SETTINGS.get("superDigest"));
        SETTINGS.put("skipACL", (b, v, d) -> b.skipAcl(yesNo("skipACL", v)));
        SETTINGS.put("snapCount", (b, v, d) -> b.snapCount(intIn("snapCount", v, 1, Integer.MAX_VALUE)));
        SETTINGS.put("container.checkIntervalMs", (b, v, d) -> b.containerCheckIntervalMs(
                longIn("container.checkIntervalMs", v, 1, Long.MAX_VALUE)));
        SETTINGS.put("reconfigEnabled", (b, v, d) -> b.reconfigEnabled(bool("reconfigEnabled", v)));
        SETTINGS.put("initLimit", (b, v, d) -> b.initLimit(intIn("initLimit", v, 1, Integer.MAX_VALUE)));
        SETTINGS.put("syncLimit", (b, v, d) -> b.syncLimit(intIn("syncLimit", v, 1, Integer.MAX_VALUE)));
        SETTINGS.put("admin.serverPort", (b, v, d) -> b.adminPort(adminPort(v)));
        SETTINGS.put("globalOutstandingLimit", (b, v, d) -> b.globalOutstandingLimit(
                intIn("globalOutstandingLimit", v, 1, Integer.MAX_VALUE)));
    }

    private ZooCfgParser() {
    }

    /** Every key this parser reads, aliases included (not {@code server.N}); for tests that cover them all. */
    static Set<String> supportedKeys() {
        Set<String> keys = new TreeSet<>(SETTINGS.keySet());
        keys.add("myid");
        return keys;
    }

    public static ServerConfig parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), lines(bytes), file.toAbsolutePath().getParent());
    }

    public static ServerConfig parse(String source, List<String> lines, Path baseDir) {
        return new Reading(source, baseDir).read(lines);
    }

    /** One parse: the builder plus where each key was set, for duplicates and checks that span keys. */
    private static final class Reading {

        private final String source;
        private final Path baseDir;
        private final ServerConfigBuilder b = new ServerConfigBuilder();
        private final Map<String, Integer> lineOfKey = new HashMap<>();
        private final Map<Long, Integer> lineOfServer = new HashMap<>();
        // values the checks after the last line need
        private Long myId;
        private String myIdWhere;
        private Path dataDir = Path.of("data");
        private int tickTime = ServerConfig.DEFAULT_TICK_TIME;
        private int minSessionTimeout = -1;
        private int maxSessionTimeout = -1;
        private boolean extendedTypes = true;

        Reading(String source, Path baseDir) {
            this.source = source;
            this.baseDir = baseDir;
        }

        ServerConfig read(List<String> lines) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (i == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1).trim(); // byte order mark some editors write
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int number = i + 1;
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException(at(number) + ": expected key=value, got '" + line + "'");
                }
                String key = line.substring(0, eq).trim();
                String value = line.substring(eq + 1).trim();
                try {
                    line(key, value, number);
                } catch (ConfigException e) {
                    throw new ConfigException(at(number) + ": " + e.getMessage());
                }
            }
            checkSessionTimeouts();
            resolveServerId();
            try {
                return b.build();
            } catch (ConfigException e) {
                throw new ConfigException(source + ": " + e.getMessage()); // every value was checked above
            }
        }

        private String at(int line) {
            return source + ":" + line;
        }

        private void line(String key, String value, int number) {
            if (key.startsWith("server.")) {
                long id = serverId(key, key.substring("server.".length()));
                Integer first = lineOfServer.putIfAbsent(id, number);
                if (first != null) {
                    throw new ConfigException("server." + id + " is listed twice (first at line " + first + ")");
                }
                b.addServer(QuorumServerSpec.parse(id, value));
                return;
            }
            Setting setting = SETTINGS.get(key);
            if (setting == null && !key.equals("myid") && !IGNORED_KEYS.contains(key)) {
                throw new ConfigException("unknown key '" + key + "'");
            }
            String canonical = ALIASES.getOrDefault(key, key);
            Integer first = lineOfKey.putIfAbsent(canonical, number);
            if (first != null) {
                throw new ConfigException(key + " is set twice (first at line " + first + ")");
            }
            if (key.equals("myid")) {
                myId = serverId("myid", value);
                myIdWhere = at(number);
                return;
            }
            if (setting == null) {
                return; // an ignored ZooKeeper key
            }
            setting.apply(b, value, baseDir);
            switch (canonical) { // already checked by the setting
                case "dataDir" -> dataDir = path("dataDir", value, baseDir);
                case "tickTime" -> tickTime = Integer.parseInt(value);
                case "minSessionTimeout" -> minSessionTimeout = Integer.parseInt(value);
                case "maxSessionTimeout" -> maxSessionTimeout = Integer.parseInt(value);
                case "extendedTypesEnabled" -> extendedTypes = Boolean.parseBoolean(value);
                default -> { }
            }
        }

        /** min ≤ max once both are known (either may derive from tickTime); blames the later explicit one. */
        private void checkSessionTimeouts() {
            int min = minSessionTimeout < 0 ? 2 * tickTime : minSessionTimeout;
            int max = maxSessionTimeout < 0 ? 20 * tickTime : maxSessionTimeout;
            if (min <= max) {
                return;
            }
            int minLine = minSessionTimeout < 0 ? 0 : lineOfKey.get("minSessionTimeout");
            int maxLine = maxSessionTimeout < 0 ? 0 : lineOfKey.get("maxSessionTimeout");
            throw new ConfigException(at(Math.max(minLine, maxLine)) + ": minSessionTimeout " + min
                    + (minSessionTimeout < 0 ? " (2 × tickTime)" : "") + " is larger than maxSessionTimeout " + max
                    + (maxSessionTimeout < 0 ? " (20 × tickTime)" : ""));
        }

        /**
         * {@code myid=N}, else (ensemble only, as ZooKeeper does) the {@code myid} file in dataDir; then checks
         * that session ids can carry it.
         */
        private void resolveServerId() {
            if (myId == null && !lineOfServer.isEmpty()) {
                Path file = dataDir.resolve("myid");
                if (!Files.isRegularFile(file)) {
                    throw new ConfigException(source + ": the server.N lines need this server's id: add myid=N, or "
                            + "write N into " + file + " as ZooKeeper does");
                }
                myIdWhere = file + ":1";
                try {
                    myId = serverId("myid", Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                            .findFirst().orElse("").trim());
                } catch (IOException e) {
                    throw new ConfigException("cannot read " + file + ": " + e.getMessage());
                } catch (ConfigException e) {
                    throw new ConfigException(myIdWhere + ": " + e.getMessage());
                }
            }
            if (myId == null) {
                return;
            }
            if (extendedTypes && myId > MAX_SERVER_ID_EXTENDED_TYPES) {
                throw new ConfigException(myIdWhere + ": server id " + myId + " is too large with extended types "
                        + "(TTL nodes) enabled, where an owner's top byte 0xff marks a TTL node; use 1.."
                        + MAX_SERVER_ID_EXTENDED_TYPES + " or extendedTypesEnabled=false");
            }
            b.serverId(myId);
        }
    }

    // ------------------------------------------------------------------ values

    private static long serverId(String key, String value) {
        long id;
        try {
            id = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("'" + value + "' is not a server id for " + key + " (1.." + MAX_SERVER_ID + ")");
        }
        if (id < 1 || id > MAX_SERVER_ID) {
            throw new ConfigException("server id " + id + " in " + key + " is out of range: session ids hold it in "
                    + "one byte, use 1.." + MAX_SERVER_ID);
        }
        return id;
    }

    private static int intIn(String key, String value, int min, int max) {
        return (int) longIn(key, value, min, max);
    }

    private static long longIn(String key, String value, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("'" + value + "' is not a number for " + key);
        }
        boolean unbounded = max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
        if (v < min) {
            throw new ConfigException(key + " must be " + (unbounded ? "at least " + min : min + ".." + max) + ", got " + v);
        }
        if (v > max) {
            throw new ConfigException(key + " must be " + (unbounded ? "at most " + max : min + ".." + max) + ", got " + v);
        }
        return v;
    }

    /** -1 (ZooKeeper's "derive from tickTime") or a timeout in ms. */
    private static int sessionTimeout(String key, String value) {
        return intIn(key, value, -1, Integer.MAX_VALUE);
    }

    /** -1 (no admin server, QuorumLab's default) or a port; 0 picks a free one. */
    private static int adminPort(String value) {
        return intIn("admin.serverPort", value, -1, 65535);
    }

    private static int juteMaxBuffer(String value) {
        int v;
        try {
            v = Integer.decode(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("'" + value + "' is not a number for jute.maxbuffer");
        }
        if (v <= 0) {
            throw new ConfigException("jute.maxbuffer must be at least 1, got " + v);
        }
        return v;
    }

    private static String nonEmpty(String key, String value) {
        if (value.isEmpty()) {
            throw new ConfigException(key + " needs a value");
        }
        return value;
    }

    private static Path path(String key, String value, Path baseDir) {
        nonEmpty(key, value);
        try {
            return baseDir == null ? Path.of(value) : baseDir.resolve(value);
        } catch (InvalidPathException e) {
            throw new ConfigException("'" + value + "' is not a valid path for " + key + ": " + e.getReason());
        }
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException("'" + value + "' is not true/false for " + key);
    }

    /** ZooKeeper's skipACL is yes/no; true/false are accepted too. */
    private static boolean yesNo(String key, String value) {
        if (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("no") || value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException("'" + value + "' is not yes/no for " + key);
    }

    /** {@code user:base64(sha1("user:password"))}, what DigestAuthenticationProvider.generateDigest prints. */
    private static String superDigest(String value) {
        int colon = value.indexOf(':');
        String digest = colon < 0 ? "" : value.substring(colon + 1);
        byte[] sha1 = null;
        try {
            sha1 = Base64.getDecoder().decode(digest);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (colon <= 0 || sha1 == null || sha1.length != 20) {
            throw new ConfigException("superDigest must be user:base64(sha1(\"user:password\")) as "
                    + "DigestAuthenticationProvider.generateDigest prints it, got '" + value + "'");
        }
        return value;
    }

    // ------------------------------------------------------------------ text

    /** Splits on '\n'; each line is UTF-8, or ISO-8859-1 when it is not valid UTF-8. */
    static List<String> lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i == bytes.length && start == i) {
                    break;
                }
                lines.add(decode(bytes, start, i - start));
                start = i + 1;
            }
        }
        return lines;
    }

    private static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }
}
