package org.quorumlab.engine.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.Test;

/** Checks every constant against the official ZooKeeper 3.9.3 jar. */
class ConstantsCompatibilityTest {

    @Test
    void opCodesMatchZooDefs() {
        assertThat(intConstants(OpCode.class)).isEqualTo(intConstants(ZooDefs.OpCode.class));
    }

    @Test
    void opCodeNamesAreTheConstantNames() {
        intConstants(OpCode.class).forEach((name, code) -> assertThat(OpCode.name(code)).isEqualTo(name));
        assertThat(OpCode.name(42)).isEqualTo("unknown(42)");
    }

    @Test
    void writeOpCodesAreTheOnesThatChangeState() {
        assertThat(intConstants(OpCode.class).entrySet().stream()
                .filter(e -> OpCode.isWrite(e.getValue())).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("create", "create2", "createContainer", "createTTL", "delete",
                        "deleteContainer", "setData", "setACL", "check", "multi", "reconfig",
                        "createSession", "closeSession");
    }

    @Test
    void permsMatchZooDefs() {
        assertThat(intConstants(Perms.class)).isEqualTo(intConstants(ZooDefs.Perms.class));
    }

    @Test
    void errorCodesMatchKeeperExceptionCodes() {
        assertThat(ErrorCode.values()).hasSameSizeAs(KeeperException.Code.values());
        for (KeeperException.Code official : KeeperException.Code.values()) {
            ErrorCode ours = ErrorCode.valueOf(official.name());
            assertThat(ours.intValue()).as(official.name()).isEqualTo(official.intValue());
            assertThat(ErrorCode.of(official.intValue())).isSameAs(ours);
        }
        assertThatThrownBy(() -> ErrorCode.of(-9999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createModesMatchOfficialCreateMode() {
        assertThat(CreateMode.values()).hasSameSizeAs(org.apache.zookeeper.CreateMode.values());
        for (org.apache.zookeeper.CreateMode official : org.apache.zookeeper.CreateMode.values()) {
            CreateMode ours = CreateMode.valueOf(official.name());
            assertThat(ours.toFlag()).isEqualTo(official.toFlag());
            assertThat(CreateMode.fromFlag(official.toFlag())).isSameAs(ours);
            assertThat(ours.isEphemeral()).isEqualTo(official.isEphemeral());
            assertThat(ours.isSequential()).isEqualTo(official.isSequential());
            assertThat(ours.isContainer()).isEqualTo(official.isContainer());
            assertThat(ours.isTtl()).isEqualTo(official.isTTL());
        }
    }

    @Test
    void unknownCreateFlagIsBadArguments() {
        assertThatThrownBy(() -> CreateMode.fromFlag(7))
                .isInstanceOfSatisfying(ZooKeeperException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BADARGUMENTS));
    }

    @Test
    void eventTypesMatchWatcher() {
        assertThat(EventType.values()).hasSameSizeAs(Watcher.Event.EventType.values());
        for (Watcher.Event.EventType official : Watcher.Event.EventType.values()) {
            assertThat(EventType.valueOf(official.name()).intValue()).isEqualTo(official.getIntValue());
            assertThat(EventType.fromInt(official.getIntValue()).name()).isEqualTo(official.name());
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void keeperStatesMatchWatcher() {
        for (KeeperState ours : KeeperState.values()) {
            Watcher.Event.KeeperState official = Watcher.Event.KeeperState.valueOf(ours.name());
            assertThat(ours.intValue()).as(ours.name()).isEqualTo(official.getIntValue());
            assertThat(KeeperState.fromInt(ours.intValue())).isSameAs(ours);
        }
        assertThat(KeeperState.values()).extracting(Enum::name).containsExactlyInAnyOrder(
                "SyncConnected", "Disconnected", "Expired", "AuthFailed", "ConnectedReadOnly", "Closed");
    }

    @Test
    void watcherTypesMatchWatcher() {
        assertThat(WatcherType.values()).hasSameSizeAs(Watcher.WatcherType.values());
        for (Watcher.WatcherType official : Watcher.WatcherType.values()) {
            assertThat(WatcherType.valueOf(official.name()).intValue()).isEqualTo(official.getIntValue());
            assertThat(WatcherType.fromInt(official.getIntValue()).name()).isEqualTo(official.name());
        }
        assertThatThrownBy(() -> WatcherType.fromInt(0)).isInstanceOf(ZooKeeperException.class);
    }

    @Test
    void addWatchModesMatchOfficial() {
        assertThat(AddWatchMode.values()).hasSameSizeAs(org.apache.zookeeper.AddWatchMode.values());
        for (org.apache.zookeeper.AddWatchMode official : org.apache.zookeeper.AddWatchMode.values()) {
            assertThat(AddWatchMode.valueOf(official.name()).intValue()).isEqualTo(official.getMode());
            assertThat(AddWatchMode.fromInt(official.getMode()).name()).isEqualTo(official.name());
        }
    }

    @Test
    void zooKeeperExceptionCarriesItsCode() {
        ZooKeeperException e = ZooKeeperException.noNode("/missing");

        assertThat(e.code()).isEqualTo(ErrorCode.NONODE);
        assertThat(e).hasMessageContaining("/missing");
        assertThat(ZooKeeperException.nodeExists("/a").code()).isEqualTo(ErrorCode.NODEEXISTS);
        assertThat(ZooKeeperException.badVersion("/a").code()).isEqualTo(ErrorCode.BADVERSION);
        assertThat(ZooKeeperException.notEmpty("/a").code()).isEqualTo(ErrorCode.NOTEMPTY);
        assertThat(ZooKeeperException.noChildrenForEphemerals("/a").code())
                .isEqualTo(ErrorCode.NOCHILDRENFOREPHEMERALS);
        assertThat(ZooKeeperException.noAuth("/a").code()).isEqualTo(ErrorCode.NOAUTH);
        assertThat(ZooKeeperException.invalidAcl("/a").code()).isEqualTo(ErrorCode.INVALIDACL);
        assertThat(ZooKeeperException.unimplemented("x").code()).isEqualTo(ErrorCode.UNIMPLEMENTED);
    }

    private static Map<String, Integer> intConstants(Class<?> type) {
        Map<String, Integer> constants = new TreeMap<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    constants.put(f.getName(), f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return constants;
    }
}
