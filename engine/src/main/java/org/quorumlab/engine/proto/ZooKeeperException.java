package org.quorumlab.engine.proto;

/**
 * A request failure that is reported to the client as an {@link ErrorCode} in the reply header,
 * the counterpart of ZooKeeper's {@code KeeperException}.
 */
public final class ZooKeeperException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ZooKeeperException(ErrorCode code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ZooKeeperException noNode(String path) {
        return new ZooKeeperException(ErrorCode.NONODE, path);
    }

    public static ZooKeeperException nodeExists(String path) {
        return new ZooKeeperException(ErrorCode.NODEEXISTS, path);
    }

    public static ZooKeeperException badVersion(String path) {
        return new ZooKeeperException(ErrorCode.BADVERSION, path);
    }

    public static ZooKeeperException notEmpty(String path) {
        return new ZooKeeperException(ErrorCode.NOTEMPTY, path);
    }

    public static ZooKeeperException noChildrenForEphemerals(String path) {
        return new ZooKeeperException(ErrorCode.NOCHILDRENFOREPHEMERALS, path);
    }

    /** @param quotaRoot the path whose hard quota the request would exceed */
    public static ZooKeeperException quotaExceeded(String quotaRoot) {
        return new ZooKeeperException(ErrorCode.QUOTAEXCEEDED, quotaRoot);
    }

    public static ZooKeeperException noAuth(String path) {
        return new ZooKeeperException(ErrorCode.NOAUTH, path);
    }

    public static ZooKeeperException invalidAcl(String path) {
        return new ZooKeeperException(ErrorCode.INVALIDACL, path);
    }

    public static ZooKeeperException noWatcher(String path) {
        return new ZooKeeperException(ErrorCode.NOWATCHER, path);
    }

    public static ZooKeeperException badArguments(String message) {
        return new ZooKeeperException(ErrorCode.BADARGUMENTS, message);
    }

    public static ZooKeeperException unimplemented(String message) {
        return new ZooKeeperException(ErrorCode.UNIMPLEMENTED, message);
    }

    public static ZooKeeperException sessionExpired(String message) {
        return new ZooKeeperException(ErrorCode.SESSIONEXPIRED, message);
    }

    public static ZooKeeperException authFailed(String message) {
        return new ZooKeeperException(ErrorCode.AUTHFAILED, message);
    }

    public static ZooKeeperException marshallingError(String message) {
        return new ZooKeeperException(ErrorCode.MARSHALLINGERROR, message);
    }
}
