package org.quorumlab.engine.txn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.quorumlab.engine.proto.Acl;

/**
 * A committed state change, replicated and logged instead of the client request that caused it.
 * Every variant is deterministic and idempotent to apply: all values a replica needs (sequential
 * name, parent cversion, versions) were decided when the request was prepared.
 */
public sealed interface Txn {

    /** Opcode written in the txn header; mirrors ZooKeeper's so logs read like ZooKeeper's. */
    int type();

    /** Node creation of any kind; {@code ephemeralOwner} already encodes container/TTL/session. */
    record Create(int type, String path, byte[] data, List<Acl> acl, long ephemeralOwner, int parentCVersion)
            implements Txn {
        public Create {
            acl = List.copyOf(acl);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Create c && c.type == type && c.path.equals(path) && Arrays.equals(c.data, data)
                    && c.acl.equals(acl) && c.ephemeralOwner == ephemeralOwner && c.parentCVersion == parentCVersion;
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, path, Arrays.hashCode(data), acl, ephemeralOwner, parentCVersion);
        }

        @Override
        public String toString() {
            return "Create[" + path + ", owner=0x" + Long.toHexString(ephemeralOwner) + "]";
        }
    }

    /** Removal of one node (client delete or server-side container/TTL reaping). */
    record Delete(int type, String path) implements Txn {
    }

    record SetData(String path, byte[] data, int version) implements Txn {
        @Override
        public int type() {
            return org.quorumlab.engine.proto.OpCode.setData;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SetData s && s.path.equals(path) && Arrays.equals(s.data, data) && s.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, Arrays.hashCode(data), version);
        }

        @Override
        public String toString() {
            return "SetData[" + path + ", v" + version + "]";
        }
    }

    record SetAcl(String path, List<Acl> acl, int aversion) implements Txn {
        public SetAcl {
            acl = List.copyOf(acl);
        }

        @Override
        public int type() {
            return org.quorumlab.engine.proto.OpCode.setACL;
        }
    }

    record CheckVersion(String path, int version) implements Txn {
        @Override
        public int type() {
            return org.quorumlab.engine.proto.OpCode.check;
        }
    }

    record CreateSession(int timeoutMs) implements Txn {
        @Override
        public int type() {
            return org.quorumlab.engine.proto.OpCode.createSession;
        }
    }

    /** Session end; the ephemerals to delete are decided at prepare time, as in ZooKeeper 3.6+. */
    record CloseSession(List<String> pathsToDelete) implements Txn {
        public CloseSession {
            pathsToDelete = List.copyOf(pathsToDelete);
        }

        @Override
        public int type() {
            return org.quorumlab.engine.proto.OpCode.closeSession;
        }
    }

    /** A request that failed validation; logged so replies keep zxid order, like ZooKeeper. */
    record Error(int err) implements Txn {
        @Override
        public int type() {
            return org.quorumlab.engine.proto.OpCode.error;
        }
    }

    /** New ensemble configuration, stored in {@code /zookeeper/config}. */
    record Reconfig(byte[] configData) implements Txn {
        @Override
        public int type() {
            return org.quorumlab.engine.proto.OpCode.reconfig;
        }
    }

    record Multi(List<Txn> ops) implements Txn {
        public Multi {
            ops = List.copyOf(ops);
        }

        @Override
        public int type() {
            return org.quorumlab.engine.proto.OpCode.multi;
        }
    }
}
