package org.quorumlab.engine.proto;

import java.util.HashMap;
import java.util.Map;

/**
 * Result codes of {@link ReplyHeader#err()} and {@link ErrorResponse#err()}, identical to
 * {@code KeeperException.Code} of ZooKeeper 3.9.3.
 */
public enum ErrorCode {
    OK(0),
    SYSTEMERROR(-1),
    RUNTIMEINCONSISTENCY(-2),
    DATAINCONSISTENCY(-3),
    CONNECTIONLOSS(-4),
    MARSHALLINGERROR(-5),
    UNIMPLEMENTED(-6),
    OPERATIONTIMEOUT(-7),
    BADARGUMENTS(-8),
    NEWCONFIGNOQUORUM(-13),
    RECONFIGINPROGRESS(-14),
    UNKNOWNSESSION(-12),
    APIERROR(-100),
    NONODE(-101),
    NOAUTH(-102),
    BADVERSION(-103),
    NOCHILDRENFOREPHEMERALS(-108),
    NODEEXISTS(-110),
    NOTEMPTY(-111),
    SESSIONEXPIRED(-112),
    INVALIDCALLBACK(-113),
    INVALIDACL(-114),
    AUTHFAILED(-115),
    SESSIONMOVED(-118),
    NOTREADONLY(-119),
    EPHEMERALONLOCALSESSION(-120),
    NOWATCHER(-121),
    REQUESTTIMEOUT(-122),
    RECONFIGDISABLED(-123),
    SESSIONCLOSEDREQUIRESASLAUTH(-124),
    QUOTAEXCEEDED(-125),
    THROTTLEDOP(-127);

    private static final Map<Integer, ErrorCode> BY_VALUE = new HashMap<>();

    static {
        for (ErrorCode c : values()) {
            BY_VALUE.put(c.value, c);
        }
    }

    private final int value;

    ErrorCode(int value) {
        this.value = value;
    }

    public int intValue() {
        return value;
    }

    /** The code with this wire value; an unknown value throws {@link IllegalArgumentException}. */
    public static ErrorCode of(int value) {
        ErrorCode code = BY_VALUE.get(value);
        if (code == null) {
            throw new IllegalArgumentException("unknown ZooKeeper error code " + value);
        }
        return code;
    }
}
