package org.quorumlab.engine.proto;

/** Request type codes of {@link RequestHeader#type()}, identical to {@code ZooDefs.OpCode} of ZooKeeper 3.9.3. */
public final class OpCode {

    public static final int notification = 0;
    public static final int create = 1;
    public static final int delete = 2;
    public static final int exists = 3;
    public static final int getData = 4;
    public static final int setData = 5;
    public static final int getACL = 6;
    public static final int setACL = 7;
    public static final int getChildren = 8;
    public static final int sync = 9;
    public static final int ping = 11;
    public static final int getChildren2 = 12;
    public static final int check = 13;
    public static final int multi = 14;
    public static final int create2 = 15;
    public static final int reconfig = 16;
    public static final int checkWatches = 17;
    public static final int removeWatches = 18;
    public static final int createContainer = 19;
    public static final int deleteContainer = 20;
    public static final int createTTL = 21;
    public static final int multiRead = 22;
    public static final int auth = 100;
    public static final int setWatches = 101;
    public static final int sasl = 102;
    public static final int getEphemerals = 103;
    public static final int getAllChildrenNumber = 104;
    public static final int setWatches2 = 105;
    public static final int addWatch = 106;
    public static final int whoAmI = 107;
    public static final int createSession = -10;
    public static final int closeSession = -11;
    public static final int error = -1;

    private OpCode() {
    }

    /** The constant's name, e.g. {@code "getData"}, or {@code "unknown(42)"}; for logs and metric labels. */
    public static String name(int code) {
        return switch (code) {
            case notification -> "notification";
            case create -> "create";
            case delete -> "delete";
            case exists -> "exists";
            case getData -> "getData";
            case setData -> "setData";
            case getACL -> "getACL";
            case setACL -> "setACL";
            case getChildren -> "getChildren";
            case sync -> "sync";
            case ping -> "ping";
            case getChildren2 -> "getChildren2";
            case check -> "check";
            case multi -> "multi";
            case create2 -> "create2";
            case reconfig -> "reconfig";
            case checkWatches -> "checkWatches";
            case removeWatches -> "removeWatches";
            case createContainer -> "createContainer";
            case deleteContainer -> "deleteContainer";
            case createTTL -> "createTTL";
            case multiRead -> "multiRead";
            case auth -> "auth";
            case setWatches -> "setWatches";
            case sasl -> "sasl";
            case getEphemerals -> "getEphemerals";
            case getAllChildrenNumber -> "getAllChildrenNumber";
            case setWatches2 -> "setWatches2";
            case addWatch -> "addWatch";
            case whoAmI -> "whoAmI";
            case createSession -> "createSession";
            case closeSession -> "closeSession";
            case error -> "error";
            default -> "unknown(" + code + ")";
        };
    }

    /** Whether requests of this type change the tree or the sessions and so go through the quorum. */
    public static boolean isWrite(int code) {
        return switch (code) {
            case create, create2, createContainer, createTTL, delete, deleteContainer, setData, setACL,
                    check, multi, reconfig, createSession, closeSession -> true;
            default -> false;
        };
    }
}
